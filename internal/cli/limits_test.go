package cli

import "testing"

func TestParseSize(t *testing.T) {
	good := map[string]int64{
		"512": 512, "1k": 1 << 10, "1KiB": 1 << 10, " 2 M ": 2 << 20, "64MiB": 64 << 20,
		"1GiB": 1 << 30, "1g": 1 << 30, "100b": 100, "1073741824": 1 << 30,
	}
	for in, want := range good {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-1", "1.5M", "2GiB", "1073741825", "1TB", "MiB",
		"12 potatoes", "99999999999999999999"} {
		if got, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) = %d; want an error", in, got)
		}
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{
		1 << 20: "1MiB", 4 << 20: "4MiB", 1 << 30: "1GiB", 3 << 10: "3KiB", 1000: "1000 bytes",
		1536 << 10: "1536KiB",
	} {
		if got := formatSize(n); got != want {
			t.Errorf("formatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestEnoughFor: the suggested limit holds the file, so pasting it works.
func TestEnoughFor(t *testing.T) {
	for _, c := range []struct{ limit, size, want int64 }{
		{100, 317, 1 << 10},
		{1 << 20, 3_400_000, 4 << 20},
		{1 << 20, 1_100_000, 2 << 20},
		{100 << 10, 403_000, 394 << 10},
		{1 << 20, 0, 2 << 20},
		{1 << 29, 1<<30 + 5, 1 << 30},
	} {
		got := enoughFor(c.limit, c.size)
		if got != c.want {
			t.Errorf("enoughFor(%d, %d) = %d, want %d", c.limit, c.size, got, c.want)
		}
		if c.size > 0 && c.size <= maxInputCeiling && got < c.size {
			t.Errorf("enoughFor(%d, %d) = %d is smaller than the file", c.limit, c.size, got)
		}
	}
}
