package cli

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/spf13/cobra"
)

// Input size limits. Each reader has its own default (the MaxFileSize of
// its package); `--max-input-size`, else AUTHADVISOR_MAX_INPUT_SIZE,
// replaces them all.
const (
	maxInputFlag = "max-input-size"
	maxInputEnv  = "AUTHADVISOR_MAX_INPUT_SIZE"
	// maxInputCeiling is the largest limit that may be set: readers index
	// lines with 32-bit offsets.
	maxInputCeiling = 1 << 30
)

// registerLimitFlag adds `--max-input-size` to every command and reads it,
// or the environment variable, before any command runs.
func registerLimitFlag(root *cobra.Command, io *IO) {
	var value sizeText
	root.PersistentFlags().Var(&value, maxInputFlag,
		"largest input file read, such as 64MiB (default: 1MiB for answers and templates, "+
			"4MiB for decision files and inventories, 16MiB for baselines, 32MiB for "+
			"OpenAPI documents); also "+maxInputEnv)
	_ = root.RegisterFlagCompletionFunc(maxInputFlag, cobra.FixedCompletions(
		[]string{"1MiB", "4MiB", "64MiB", "256MiB"}, cobra.ShellCompDirectiveNoFileComp))
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		where, v := "`--"+maxInputFlag+" "+string(value)+"`", string(value)
		if f := cmd.Flags().Lookup(maxInputFlag); (f == nil || !f.Changed) && io.Getenv != nil {
			v = io.Getenv(maxInputEnv)
			where = maxInputEnv + "=" + v
		}
		if v == "" {
			return nil
		}
		n, err := parseSize(v)
		if err != nil {
			return usagef("%s: %w", where, err)
		}
		io.MaxInput = n
		return nil
	}
}

// sizeText holds a size flag as given; it is read with parseSize once the
// environment is known too.
type sizeText string

func (s *sizeText) String() string     { return string(*s) }
func (s *sizeText) Set(v string) error { *s = sizeText(v); return nil }
func (s *sizeText) Type() string       { return "size" }

// parseSize reads a size: a number of bytes, or of KiB, MiB or GiB (K, M
// and G mean the same).
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	units := []struct {
		suffix string
		shift  uint
	}{{"kib", 10}, {"mib", 20}, {"gib", 30}, {"k", 10}, {"m", 20}, {"g", 30}, {"b", 0}}
	shift := uint(0)
	lower := strings.ToLower(t)
	for _, u := range units {
		if strings.HasSuffix(lower, u.suffix) {
			t, shift = strings.TrimSpace(t[:len(t)-len(u.suffix)]), u.shift
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	bad := fmt.Errorf("a size is a whole number of bytes, KiB, MiB or GiB, "+
		"from 1 to %s, such as 64MiB", formatSize(maxInputCeiling))
	if err != nil || n < 1 || n > maxInputCeiling>>shift {
		return 0, bad
	}
	return n << shift, nil
}

// formatSize writes a size in the largest unit that divides it.
func formatSize(n int64) string {
	for _, u := range []struct {
		name  string
		shift uint
	}{{"GiB", 30}, {"MiB", 20}, {"KiB", 10}} {
		if n >= 1<<u.shift && n%(1<<u.shift) == 0 {
			return fmt.Sprintf("%d%s", n>>u.shift, u.name)
		}
	}
	return fmt.Sprintf("%d bytes", n)
}

// inputLimit is the size limit for a reader whose default is def.
func (io *IO) inputLimit(def int64) int64 {
	if io.MaxInput > 0 {
		return io.MaxInput
	}
	return def
}

// tooLarge is the error for a file of size bytes over the limit; size is
// zero when only a read found the file too large.
func tooLarge(name string, limit, size int64) error {
	return usagef("%s: file is larger than the input limit of %s; raise it with "+
		"`--%s SIZE` or %s=SIZE, such as %s", name, formatSize(limit),
		maxInputFlag, maxInputEnv, formatSize(enoughFor(limit, size)))
}

// enoughFor is a limit to suggest for a file of size bytes, over limit: the
// size rounded up to whole KiB, or whole MiB from 1 MiB, or twice the limit
// when the size is not known.
func enoughFor(limit, size int64) int64 {
	n := limit * 2
	if size > limit {
		unit := int64(1 << 10)
		if size >= 1<<20 {
			unit = 1 << 20
		}
		n = (size + unit - 1) / unit * unit
	}
	return min(n, maxInputCeiling)
}

// checkOutPath refuses an output path with control characters (line
// breaks and terminal escapes among them), Unicode line separators or
// direction marks: such a name would hide what was written where.
func checkOutPath(flag, path string) error {
	for _, r := range path {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' ||
			unicode.Is(unicode.Bidi_Control, r) {
			return usagef("`--%s`: the path holds the control character %s; "+
				"choose a plain name", flag, strconv.QuoteRune(r))
		}
	}
	return nil
}
