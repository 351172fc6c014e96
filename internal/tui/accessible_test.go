package tui

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// runAccessible runs the accessible review with input piped in.
func runAccessible(t *testing.T, o Options, input string) (stdout, prompts string,
	written []string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	o.In, o.Out, o.Err = strings.NewReader(input), &out, &errOut
	written, err = RunAccessible(o)
	return out.String(), errOut.String(), written, err
}

func TestAccessibleWithPipedAnswers(t *testing.T) {
	o := testOptions(t)
	// Machine; the sign-in question is not asked; high risk; no extras;
	// the region's default; then export a record and quit at the end of
	// the input.
	input := "3\n2\n0\n\n2\nKeyed jobs\n2\n"
	out, prompts, written, err := runAccessible(t, o, input)
	if err != nil {
		t.Fatalf("RunAccessible: %v\n%s", err, prompts)
	}
	for _, want := range []string{"Recommended: Restricted API key", "One key shared by every job"} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
	for _, want := range []string{"== The caller ==", "Which channel calls the API?",
		"3. Machine — A job with no user.", "How risky are the operations?", "What next?"} {
		if !strings.Contains(prompts, want) {
			t.Errorf("the prompts lack %q:\n%s", want, prompts)
		}
	}
	if strings.Contains(prompts, "Is a person signed in?") {
		t.Errorf("a question that does not apply was asked:\n%s", prompts)
	}
	want := filepath.Join("docs", "decisions", "0001-keyed-jobs.md")
	if len(written) != 1 || written[0] != want {
		t.Fatalf("written = %q, want %q", written, want)
	}
	rec := readFile(t, filepath.Join(o.Dir, want))
	if !bytes.Contains(rec, []byte(`status: "accepted"`)) {
		t.Errorf("the record is not accepted:\n%s", rec)
	}
}

// TestAccessibleBlankLineWithoutDefault: a stray empty line at a question
// with no default is refused, not taken as its first option, so the
// answers after it keep their places.
func TestAccessibleBlankLineWithoutDefault(t *testing.T) {
	o := testOptions(t)
	out, prompts, _, err := runAccessible(t, o, "\n3\n2\n0\n\n2\nKeyed jobs\n2\n")
	if err != nil {
		t.Fatalf("RunAccessible: %v\n%s", err, prompts)
	}
	if !strings.Contains(prompts, "channel has no default; enter an option's number.") {
		t.Errorf("the blank line was not refused:\n%s", prompts)
	}
	if !strings.Contains(out, "Recommended: Restricted API key") {
		t.Errorf("the answers after the blank line moved:\n%s", out)
	}
}

func TestAccessibleAnswersGivenBeforehandAreDefaults(t *testing.T) {
	o := testOptions(t)
	o.Answers = map[string][]string{"channel": {"mobile"}, "signed_in": {"no"}}
	out, prompts, _, err := runAccessible(t, o, "\n\n1\n0\n\n")
	if err != nil {
		t.Fatalf("RunAccessible: %v\n%s", err, prompts)
	}
	if !strings.Contains(out, "Recommended: Code flow with PKCE") {
		t.Errorf("empty answers did not keep the given ones:\n%s", out)
	}
}

func TestAccessibleInputEndingEarly(t *testing.T) {
	o := testOptions(t)
	_, prompts, written, err := runAccessible(t, o, "1\n1")
	if err == nil {
		t.Fatalf("no error when the input ended at the third question:\n%s", prompts)
	}
	for _, want := range []string{"standard input ended before risk was answered",
		"`--risk` (low|high)", "`--extras`", "`--answers FILE`"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "--region") {
		t.Errorf("error %q names a question with a default", err)
	}
	if len(written) > 0 || len(dirEntries(t, o.Dir)) > 0 {
		t.Errorf("files written: %v", dirEntries(t, o.Dir))
	}
}

func TestAccessibleMenuWritesNothingWhenInputEnds(t *testing.T) {
	o := testOptions(t)
	// All answers, then "write the report folder" and the input ends
	// before the folder is named.
	_, prompts, written, err := runAccessible(t, o, "3\n1\n0\n\n1\n")
	if err != nil {
		t.Fatalf("RunAccessible: %v\n%s", err, prompts)
	}
	if len(written) > 0 || len(dirEntries(t, o.Dir)) > 0 {
		t.Errorf("files written without a folder name: %v", dirEntries(t, o.Dir))
	}
}

func TestLineReaderGivesOneLinePerRead(t *testing.T) {
	r := newLineReader(iotest.HalfReader(strings.NewReader("one\ntwo\nthree")))
	buf := make([]byte, 64)
	var got []string
	for {
		n, err := r.Read(buf)
		if err == io.EOF {
			break
		}
		got = append(got, string(buf[:n]))
	}
	want := []string{"one\n", "two\n", "three\n"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("reads = %q, want %q", got, want)
	}
	if !r.starved {
		t.Error("the reader did not note that the input ended")
	}
}
