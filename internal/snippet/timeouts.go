package snippet

import (
	"fmt"
	"time"
)

// Session timeouts used when Params leaves them zero: the AAL3
// reauthentication limits of NIST SP 800-63B §4.3.3, the strictest the
// default decision file recommends. The recommendation may relax them.
const (
	DefaultIdleTimeout     = 15 * time.Minute
	DefaultAbsoluteTimeout = 12 * time.Hour
)

// maxTimeout bounds both session timeouts.
const maxTimeout = 24 * time.Hour

// Flags that set the session timeouts, named in ParamError.
const (
	FlagIdleTimeout     = "--session-idle-timeout"
	FlagAbsoluteTimeout = "--session-absolute-timeout"
)

// checkTimeouts checks the session timeouts: each positive (or zero for
// the default), whole seconds and at most 24 hours, and the idle timeout
// no longer than the absolute one once defaults are applied.
func (p Params) checkTimeouts() []error {
	var errs []error
	add := func(flag string, d time.Duration, reason string) {
		if reason != "" {
			errs = append(errs, &ParamError{Flag: flag, Value: d.String(), Reason: reason})
		}
	}
	idleReason, absReason := checkTimeout(p.IdleTimeout), checkTimeout(p.AbsoluteTimeout)
	add(FlagIdleTimeout, p.IdleTimeout, idleReason)
	add(FlagAbsoluteTimeout, p.AbsoluteTimeout, absReason)
	if idleReason != "" || absReason != "" {
		return errs
	}
	d := p.withDefaults()
	if d.IdleTimeout > d.AbsoluteTimeout {
		add(FlagIdleTimeout, d.IdleTimeout, fmt.Sprintf("is longer than the absolute "+
			"timeout (%s); pass a shorter `%s` or a longer `%s`",
			d.AbsoluteTimeout, FlagIdleTimeout, FlagAbsoluteTimeout))
	}
	return errs
}

func checkTimeout(d time.Duration) string {
	switch {
	case d < 0:
		return "must be positive, e.g. 15m"
	case d > maxTimeout:
		return "is longer than 24 hours; sessions must end at least daily"
	case d%time.Second != 0:
		return "must be a whole number of seconds"
	}
	return ""
}

// durationUnit is a unit a timeout is shown in.
type durationUnit struct {
	size   time.Duration
	goName string // Go expression of one unit
	word   string // singular English word
}

func durationUnits() []durationUnit {
	return []durationUnit{
		{time.Hour, "time.Hour", "hour"},
		{time.Minute, "time.Minute", "minute"},
		{time.Second, "time.Second", "second"},
	}
}

// unitOf returns the largest unit that divides d, and d in that unit. A
// validated timeout is a whole number of seconds.
func unitOf(d time.Duration) (durationUnit, int64) {
	units := durationUnits()
	for _, u := range units {
		if d%u.size == 0 {
			return u, int64(d / u.size)
		}
	}
	last := units[len(units)-1]
	return last, int64(d / last.size)
}

// goDuration returns d as a Go expression such as "15 * time.Minute".
// It holds only digits and a time constant, so it needs no escaping.
func goDuration(d time.Duration) string {
	u, n := unitOf(d)
	return fmt.Sprintf("%d * %s", n, u.goName)
}

// durationText returns d in words, such as "15 minutes" or "1 hour".
func durationText(d time.Duration) string {
	u, n := unitOf(d)
	if n == 1 {
		return "1 " + u.word
	}
	return fmt.Sprintf("%d %ss", n, u.word)
}
