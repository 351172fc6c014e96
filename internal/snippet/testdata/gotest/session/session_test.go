package session_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"example.com/authstarter/session"
)

func TestLoginCookieAndRegeneration(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	m := session.DefaultManager(&session.MemoryStore{})
	m.Now = func() time.Time { return now }

	rr := httptest.NewRecorder()
	first := m.Login(rr, httptest.NewRequest(http.MethodPost, "/login", nil), "alice")
	c := rr.Result().Cookies()[0]
	if c.Name != "__Host-session" || !c.Secure || !c.HttpOnly || c.Path != "/" ||
		c.Domain != "" || c.SameSite != http.SameSiteStrictMode || c.Value != first.ID {
		t.Fatalf("cookie %+v", c)
	}

	// A second login from the same browser gets a new id; the old one dies.
	req := httptest.NewRequest(http.MethodPost, "/login", nil)
	req.AddCookie(c)
	second := m.Login(httptest.NewRecorder(), req, "alice")
	if second.ID == first.ID {
		t.Fatal("session id was not regenerated")
	}
	old := httptest.NewRequest(http.MethodGet, "/", nil)
	old.AddCookie(c)
	if _, err := m.Load(old); err == nil {
		t.Error("old session id still valid after login")
	}
}

func TestMiddleware(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	m := session.DefaultManager(&session.MemoryStore{})
	m.Now = func() time.Time { return now }
	rr := httptest.NewRecorder()
	m.Login(rr, httptest.NewRequest(http.MethodPost, "/login", nil), "alice")
	cookie := rr.Result().Cookies()[0]
	h := m.Middleware(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))

	send := func(method string, csrf bool) int {
		req := httptest.NewRequest(method, "/", nil)
		req.AddCookie(cookie)
		if csrf {
			req.Header.Set(session.CSRFHeader, "1")
		}
		rr := httptest.NewRecorder()
		h.ServeHTTP(rr, req)
		return rr.Code
	}
	if got := send(http.MethodGet, false); got != 200 {
		t.Errorf("GET = %d, want 200", got)
	}
	if got := send(http.MethodPost, false); got != 403 {
		t.Errorf("POST without CSRF header = %d, want 403", got)
	}
	if got := send(http.MethodPost, true); got != 200 {
		t.Errorf("POST with CSRF header = %d, want 200", got)
	}
	now = now.Add(m.IdleTimeout - time.Second)
	if got := send(http.MethodGet, false); got != 200 {
		t.Errorf("just within the idle timeout = %d, want 200", got)
	}
	now = now.Add(m.IdleTimeout + time.Second)
	if got := send(http.MethodGet, false); got != 401 {
		t.Errorf("after idle timeout = %d, want 401", got)
	}
}

// TestDefaultTimeouts: the file was generated with the default
// recommendation, 15 minutes idle and 12 hours absolute.
func TestDefaultTimeouts(t *testing.T) {
	m := session.DefaultManager(&session.MemoryStore{})
	if m.IdleTimeout != 15*time.Minute || m.AbsoluteTimeout != 12*time.Hour {
		t.Errorf("timeouts %v idle, %v absolute; want 15m and 12h",
			m.IdleTimeout, m.AbsoluteTimeout)
	}
}

func TestAbsoluteTimeout(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	m := session.DefaultManager(&session.MemoryStore{})
	m.Now = func() time.Time { return now }
	rr := httptest.NewRecorder()
	m.Login(rr, httptest.NewRequest(http.MethodPost, "/login", nil), "alice")
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.AddCookie(rr.Result().Cookies()[0])
	step := m.IdleTimeout - time.Minute
	for range int(m.AbsoluteTimeout / step) { // active just often enough
		now = now.Add(step)
		if _, err := m.Load(req); err != nil {
			t.Fatalf("session ended early at %v", now)
		}
	}
	now = now.Add(step)
	if _, err := m.Load(req); err == nil {
		t.Error("session outlived the absolute timeout")
	}
}
