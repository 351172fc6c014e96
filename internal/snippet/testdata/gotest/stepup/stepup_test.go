package stepup_test

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"example.com/authstarter/stepup"
)

// authParams matches RFC 9110 §11 auth-params: token "=" quoted-string.
var authParam = regexp.MustCompile(`^[!#$%&'*+.^_|~0-9A-Za-z-]+="(?:[^"\\]|\\.)*"$`)

func TestChallenge(t *testing.T) {
	req := stepup.Requirement{ACRValues: []string{"urn:mfa", "phr"}, MaxAge: 5 * time.Minute}
	got := req.Challenge(`needs "strong" auth \ now`)
	want := `Bearer error="insufficient_user_authentication", ` +
		`error_description="needs \"strong\" auth \\ now", acr_values="urn:mfa phr", max_age="300"`
	if got != want {
		t.Fatalf("Challenge =\n%s\nwant\n%s", got, want)
	}
	params := regexp.MustCompile(`, `).Split(got[len("Bearer "):], -1)
	for _, p := range params {
		if !authParam.MatchString(p) {
			t.Errorf("not an auth-param: %s", p)
		}
	}
}

func TestRequire(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	req := stepup.Requirement{ACRValues: []string{"urn:mfa"}, MaxAge: 10 * time.Minute,
		Now: func() time.Time { return now }}
	cases := []struct {
		name   string
		auth   stepup.Auth
		ok     bool
		status int
	}{
		{"fresh mfa", stepup.Auth{ACR: "urn:mfa", AuthTime: now.Add(-time.Minute)}, true, 200},
		{"wrong acr", stepup.Auth{ACR: "pwd", AuthTime: now}, true, 401},
		{"too old", stepup.Auth{ACR: "urn:mfa", AuthTime: now.Add(-time.Hour)}, true, 401},
		{"no auth_time", stepup.Auth{ACR: "urn:mfa"}, true, 401},
		{"no token", stepup.Auth{}, false, 401},
	}
	for _, c := range cases {
		h := stepup.Require(req, func(*http.Request) (stepup.Auth, bool) { return c.auth, c.ok })(
			http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
		rr := httptest.NewRecorder()
		h.ServeHTTP(rr, httptest.NewRequest(http.MethodGet, "/", nil))
		if rr.Code != c.status {
			t.Errorf("%s: status %d, want %d", c.name, rr.Code, c.status)
		}
		ch := rr.Header().Get("WWW-Authenticate")
		if c.ok && c.status == 401 &&
			!strings.Contains(ch, `error="insufficient_user_authentication"`) {
			t.Errorf("%s: challenge %q", c.name, ch)
		}
	}
}
