package report

import (
	"fmt"
	"slices"
	"sort"
	"testing"
)

// TestSectionOrder checks that sources list their sections in document
// order, numbers compared as numbers.
func TestSectionOrder(t *testing.T) {
	got := []string{"§4.14", "§10", "§2.10", "§Appendix A", "§2.9", "§2", "§4.2.3", "§164.312"}
	sort.Slice(got, func(i, j int) bool { return sectionLess(got[i], got[j]) })
	want := []string{"§2", "§2.9", "§2.10", "§4.2.3", "§4.14", "§10", "§164.312", "§Appendix A"}
	if !slices.Equal(got, want) {
		t.Errorf("order = %q, want %q", got, want)
	}
}

// TestSectionNumberReadsAsSscan checks that the fast path for plain
// decimals reads every part as fmt.Sscan does, so the order is unchanged.
func TestSectionNumberReadsAsSscan(t *testing.T) {
	for _, s := range []string{"0", "1", "9", "10", "312", "08", "0x1f", "+3", "-2", " 4",
		"4a", "A", "", "123456789", "1234567890", "99999999999999999999"} {
		var want int
		_, wantErr := fmt.Sscan(s, &want)
		got, err := sectionNumber(s)
		if got != want || (err == nil) != (wantErr == nil) {
			t.Errorf("sectionNumber(%q) = %d, %v; fmt.Sscan gives %d, %v", s, got, err, want, wantErr)
		}
	}
}
