package snippet

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestValidateAccepts(t *testing.T) {
	cases := map[string]func(*Params){
		"defaults":          func(*Params) {},
		"hostile but valid": func(p *Params) { *p = hostileParams() },
		"loopback ipv4":     func(p *Params) { p.Issuer = "http://127.0.0.1:8080/realms/dev" },
		"loopback ipv6":     func(p *Params) { p.Issuer = "http://[::1]:9000" },
		"localhost":         func(p *Params) { p.Issuer = "http://localhost:5556/dex" },
		"empty module":      func(p *Params) { p.Module = "" },
		"empty idp":         func(p *Params) { p.IdP = "" },
		"no scopes":         func(p *Params) { p.Scopes = nil },
		"ipv6 upstream":     func(p *Params) { p.Upstream = "https://[::1]:8443/" },
		"named upstream":    func(p *Params) { p.Upstream = "http://backend.internal:8080" },
		"single-label host": func(p *Params) { p.APIHost = "api" },
		"urn audience":      func(p *Params) { p.Audience = "urn:example:api" },
		"default timeouts":  func(p *Params) { p.IdleTimeout, p.AbsoluteTimeout = 0, 0 },
		"equal timeouts":    func(p *Params) { setTimeouts(p, time.Hour, time.Hour) },
		"longest timeouts":  func(p *Params) { setTimeouts(p, 24*time.Hour, 24*time.Hour) },
		"one second":        func(p *Params) { setTimeouts(p, time.Second, time.Second) },
	}
	for _, idp := range IdPs() {
		idp := idp
		cases["idp "+idp] = func(p *Params) { *p = DefaultParams(idp) }
	}
	for name, edit := range cases {
		t.Run(name, func(t *testing.T) {
			p := DefaultParams("")
			edit(&p)
			if err := p.Validate(); err != nil {
				t.Errorf("Validate() = %v", err)
			}
		})
	}
}

// setters put a value into the field a flag sets.
func setters() map[string]func(*Params, string) {
	return map[string]func(*Params, string){
		"--issuer":    func(p *Params, v string) { p.Issuer = v },
		"--audience":  func(p *Params, v string) { p.Audience = v },
		"--client-id": func(p *Params, v string) { p.ClientID = v },
		"--scope":     func(p *Params, v string) { p.Scopes = strings.Split(v, ",") },
		"--api-host":  func(p *Params, v string) { p.APIHost = v },
		"--upstream":  func(p *Params, v string) { p.Upstream = v },
		"--module":    func(p *Params, v string) { p.Module = v },
		"--idp":       func(p *Params, v string) { p.IdP = v },
		FlagIdleTimeout: func(p *Params, v string) {
			p.IdleTimeout, _ = time.ParseDuration(v)
		},
		FlagAbsoluteTimeout: func(p *Params, v string) {
			p.AbsoluteTimeout, _ = time.ParseDuration(v)
		},
	}
}

func TestValidateRejects(t *testing.T) {
	const url = "not allowed in a URL"
	const dns = "DNS name"
	const upstream = "scheme, host and port"
	const module = "module path"
	cases := []struct{ flag, value, want string }{
		{"--issuer", "", "required"},
		{"--issuer", "http://idp.example.com", "must use https"},
		{"--issuer", "http://localhost.evil.example", "must use https"},
		{"--issuer", "https://u:pw@idp.example.com", "user name"},
		{"--issuer", "https://idp.example.com?a=1", "query"},
		{"--issuer", "https://idp.example.com?", "query"},
		{"--issuer", "https://idp.example.com#x", "fragment"},
		{"--issuer", "ftp://idp.example.com", "https URL"},
		{"--issuer", "idp.example.com", "absolute"},
		{"--issuer", "https://idp.example.com/\nx", url},
		{"--issuer", `https://idp.example.com/"x`, url},
		{"--issuer", "https://idp.example.com/}", url},
		{"--issuer", "https://idp.example.com/`x`", url},
		{"--issuer", "https://idp.example.com:99999", "port"},
		{"--issuer", "https://idp_x.example.com", "invalid host"},
		{"--issuer", "https://idp.example.com:", "no port"},
		{"--issuer", "HTTPS://idp.example.com", "lower-case scheme and host, because tokens' " +
			"`iss` must match it exactly; pass https://idp.example.com"},
		{"--issuer", "https://IdP.Example.com/Realms/X", "pass https://idp.example.com/Realms/X"},
		{"--audience", "", "required"},
		{"--audience", "a\nb", "control"},
		{"--audience", "a\x00b", "control"},
		{"--audience", "a\u202eb", "control"},
		{"--audience", "a\xffb", "UTF-8"},
		{"--audience", strings.Repeat("a", 1025), "longer"},
		{"--audience", "api\u3164", "blank character U+3164"},
		{"--audience", "\u2800api", "blank character U+2800"},
		{"--audience", "a\u115Fb", "blank character U+115F"},
		{"--audience", "a\u1160b", "blank character U+1160"},
		{"--audience", "a\uFFA0b", "blank character U+FFA0"},
		{"--audience", "a\u17B4b", "blank character U+17B4"},
		{"--audience", "a\u3000b", "control or invisible"},
		{"--audience", "a\u00A0b", "control or invisible"},
		{"--client-id", "", "required"},
		{"--client-id", "caf\u00e9", "ASCII"},
		{"--client-id", "a\tb", "ASCII"},
		{"--client-id", " abc", "space"},
		{"--scope", "", "empty"},
		{"--scope", "a b", "RFC 6749"},
		{"--scope", `a"b`, "RFC 6749"},
		{"--scope", `a\b`, "RFC 6749"},
		{"--scope", "a,a", "twice"},
		{"--api-host", "", "required"},
		{"--api-host", "127.0.0.1", "not an IP"},
		{"--api-host", "api.example.com;", dns},
		{"--api-host", "a}b.example.com", dns},
		{"--api-host", "$host", dns},
		{"--api-host", `a"b`, dns},
		{"--api-host", "*.example.com", dns},
		{"--api-host", "api.example.com.", dns},
		{"--api-host", "-api.example.com", dns},
		{"--api-host", "api.example.com:443", dns},
		{"--api-host", "api\n.example.com", dns},
		{"--api-host", "1.2.3.4.5", dns},
		{"--upstream", "", "required"},
		{"--upstream", "ftp://x.example", "http or https"},
		{"--upstream", "http://127.0.0.1:8080/api", "path"},
		{"--upstream", "http://127.0.0.1:8080?x=1", upstream},
		{"--upstream", "http://u@127.0.0.1", upstream},
		{"--upstream", "http://127.0.0.1:8080;", upstream},
		{"--upstream", "http://$host", upstream},
		{"--upstream", "http://127.0.0.1}", upstream},
		{"--upstream", "http://127.0.0.1:0", "port"},
		{"--upstream", "127.0.0.1:8080", "absolute"},
		{"--upstream", "http://127.0.0.1:", "no port"},
		{"--upstream", "http://[::1]:", "no port"},
		{"--module", "authstarter", module},
		{"--module", "Example.com/x", module},
		{"--module", "example.com//x", module},
		{"--module", "example.com/x/", module},
		{"--module", "example.com/.x", module},
		{"--module", `example.com/x"y`, module},
		{"--module", "example.com/x\ny", module},
		{"--module", "example.com/con", "go rejects it"},
		{"--module", "example.com/aux.txt", "go rejects it"},
		{"--module", "example.com/x~1", "go rejects it"},
		{"--idp", "google", "one of"},
		{FlagIdleTimeout, "-15m", "positive"},
		{FlagIdleTimeout, "25h", "24 hours"},
		{FlagIdleTimeout, "1500ms", "whole number of seconds"},
		{FlagIdleTimeout, "13h", "longer than the absolute timeout (12h0m0s)"},
		{FlagAbsoluteTimeout, "-1s", "positive"},
		{FlagAbsoluteTimeout, "24h0m1s", "24 hours"},
	}
	for _, c := range cases {
		t.Run(c.flag+" "+c.value, func(t *testing.T) {
			p := DefaultParams("")
			setters()[c.flag](&p, c.value)
			err := p.Validate()
			var pe *ParamError
			if !errors.As(err, &pe) {
				t.Fatalf("Validate() = %v, want a *ParamError", err)
			}
			msg := err.Error()
			if pe.Flag != c.flag || !strings.Contains(msg, "`"+c.flag+"`") ||
				!strings.Contains(msg, c.want) {
				t.Errorf("Validate() = %q, want flag `%s` and %q", msg, c.flag, c.want)
			}
			if strings.ContainsAny(msg, "\n\x00\u202e") {
				t.Errorf("message carries a raw control character: %q", msg)
			}
		})
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	p := Params{Scopes: []string{"a b"}, IdP: "nope", Module: "bad",
		IdleTimeout: -time.Minute, AbsoluteTimeout: 25 * time.Hour}
	err := p.Validate()
	for _, flag := range []string{"--issuer", "--audience", "--client-id", "--scope",
		"--api-host", "--upstream", "--idp", "--module", FlagIdleTimeout, FlagAbsoluteTimeout} {
		if err == nil || !strings.Contains(err.Error(), "`"+flag+"`") {
			t.Errorf("error does not name %s: %v", flag, err)
		}
	}
}

func TestDefaultParamsIssuerShapes(t *testing.T) {
	want := map[string]string{
		IdPGeneric:  "https://idp.example.com",
		IdPKeycloak: "https://idp.example.com/realms/example",
		IdPAuth0:    "https://example.auth0.com/",
		IdPOkta:     "https://example.okta.com/oauth2/default",
		IdPEntraID: "https://login.microsoftonline.com/" +
			"00000000-0000-0000-0000-000000000000/v2.0",
		IdPCognito: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_EXAMPLE",
	}
	for idp, issuer := range want {
		if got := DefaultParams(idp); got.Issuer != issuer || got.IdP != idp {
			t.Errorf("DefaultParams(%q) = issuer %q, idp %q", idp, got.Issuer, got.IdP)
		}
	}
	if got := DefaultParams(""); got.IdP != IdPGeneric || got.Module != DefaultModule {
		t.Errorf("DefaultParams(\"\") = %+v", got)
	}
	if err := DefaultParams("unknown").Validate(); err == nil {
		t.Error("DefaultParams(\"unknown\") validated")
	}
}

func TestDurationFormats(t *testing.T) {
	cases := []struct {
		d          time.Duration
		goExpr, en string
	}{
		{15 * time.Minute, "15 * time.Minute", "15 minutes"},
		{12 * time.Hour, "12 * time.Hour", "12 hours"},
		{time.Hour, "1 * time.Hour", "1 hour"},
		{90 * time.Minute, "90 * time.Minute", "90 minutes"},
		{450 * time.Second, "450 * time.Second", "450 seconds"},
		{time.Second, "1 * time.Second", "1 second"},
	}
	for _, c := range cases {
		if got := goDuration(c.d); got != c.goExpr {
			t.Errorf("goDuration(%v) = %q, want %q", c.d, got, c.goExpr)
		}
		if got := durationText(c.d); got != c.en {
			t.Errorf("durationText(%v) = %q, want %q", c.d, got, c.en)
		}
	}
}

func setTimeouts(p *Params, idle, absolute time.Duration) {
	p.IdleTimeout, p.AbsoluteTimeout = idle, absolute
}
