package apikey_test

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"example.com/authstarter/apikey"
)

func TestGenerateParse(t *testing.T) {
	key, rec := apikey.Generate()
	if !regexp.MustCompile(`^apk_[0-9A-Za-z]{50}$`).MatchString(key) {
		t.Fatalf("key %q has the wrong shape", key)
	}
	id, err := apikey.Parse(key)
	if err != nil || id != rec.ID {
		t.Fatalf("Parse = %q, %v; want %q", id, err, rec.ID)
	}
	// Changing any one character must break the checksum or the format.
	for i := len("apk_"); i < len(key); i++ {
		c := byte('A')
		if key[i] == 'A' {
			c = 'B'
		}
		bad := key[:i] + string(c) + key[i+1:]
		if _, err := apikey.Parse(bad); err == nil {
			t.Errorf("changed character %d accepted: %s", i, bad)
		}
	}
	if other, _ := apikey.Generate(); other == key {
		t.Error("two keys are equal")
	}
	// Things that look like keys but are not: a UUID, a git SHA, a
	// well-formed key with a wrong checksum.
	for _, s := range []string{"123e4567-e89b-12d3-a456-426614174000",
		"9fceb02d0ae598e95dc970b74767f19372d61af8", "apk_" + strings.Repeat("0", 50)} {
		if _, err := apikey.Parse(s); err == nil {
			t.Errorf("Parse accepted %s", s)
		}
	}
}

func TestMiddleware(t *testing.T) {
	store := &apikey.MemoryStore{}
	good, rec := apikey.Generate()
	store.Add(rec)
	revoked, rec2 := apikey.Generate()
	store.Add(rec2)
	store.Revoke(rec2.ID)
	expired, rec3 := apikey.Generate()
	rec3.Expires = time.Now().Add(-time.Minute)
	store.Add(rec3)
	unknown, _ := apikey.Generate()

	h := apikey.Middleware(store)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if got, ok := apikey.FromContext(r.Context()); !ok || got.ID != rec.ID {
			t.Errorf("record in context = %+v, %v", got, ok)
		}
	}))
	cases := []struct {
		name, target, auth string
		status             int
	}{
		{"valid", "/", "Bearer " + good, 200},
		{"key in query", "/?api_key=" + good, "", 400},
		{"revoked", "/", "Bearer " + revoked, 401},
		{"expired", "/", "Bearer " + expired, 401},
		{"unknown", "/", "Bearer " + unknown, 401},
		{"missing", "/", "", 401},
		{"other scheme", "/", "ApiKey " + good, 401},
	}
	for _, c := range cases {
		req := httptest.NewRequest(http.MethodGet, c.target, nil)
		if c.auth != "" {
			req.Header.Set("Authorization", c.auth)
		}
		rr := httptest.NewRecorder()
		h.ServeHTTP(rr, req)
		if rr.Code != c.status {
			t.Errorf("%s: status %d, want %d: %s", c.name, rr.Code, c.status, rr.Body)
		}
		if rr.Code == 400 && !strings.Contains(rr.Body.String(), "Authorization header") {
			t.Errorf("%s: 400 body lacks guidance: %s", c.name, rr.Body)
		}
	}
}
