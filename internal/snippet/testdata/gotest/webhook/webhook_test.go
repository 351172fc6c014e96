package webhook_test

import (
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"

	"example.com/authstarter/webhook"
)

func headers(id string, ts time.Time, sig string) http.Header {
	h := http.Header{}
	h.Set(webhook.HeaderID, id)
	h.Set(webhook.HeaderTimestamp, strconv.FormatInt(ts.Unix(), 10))
	h.Set(webhook.HeaderSignature, sig)
	return h
}

func TestVerify(t *testing.T) {
	oldSecret := []byte("old-secret-0123456789abcdef")
	newSecret := []byte("new-secret-0123456789abcdef")
	now := time.Unix(1_700_000_000, 0)
	body := []byte(`{"type":"invoice.paid","id":42}`)
	past, future := now.Add(-6*time.Minute), now.Add(6*time.Minute)
	sig := webhook.Sign(newSecret, "msg_1", now, body)

	cases := []struct {
		name string
		h    http.Header
		body []byte
		want error
	}{
		{"valid", headers("msg_1", now, sig), body, nil},
		{"rotation: old and new listed", headers("msg_2", now,
			"v1,AAAA "+webhook.Sign(oldSecret, "msg_2", now, body)), body, nil},
		{"changed body", headers("msg_3", now, webhook.Sign(newSecret, "msg_3", now, body)),
			[]byte(`{"type":"invoice.paid","id":43}`), webhook.ErrNoValidSig},
		{"reserialised body", headers("msg_4", now, webhook.Sign(newSecret, "msg_4", now, body)),
			[]byte(`{"type": "invoice.paid", "id": 42}`), webhook.ErrNoValidSig},
		{"id swapped", headers("msg_5", now, sig), body, webhook.ErrNoValidSig},
		{"stale", headers("msg_6", past, webhook.Sign(newSecret, "msg_6", past, body)),
			body, webhook.ErrStale},
		{"from the future", headers("msg_7", future,
			webhook.Sign(newSecret, "msg_7", future, body)), body, webhook.ErrStale},
		{"wrong scheme", headers("msg_8", now, "v2,"+sig[3:]), body, webhook.ErrNoValidSig},
		{"missing header", http.Header{}, body, webhook.ErrMissingHeader},
		{"replay", headers("msg_1", now, sig), body, webhook.ErrReplayed},
	}
	v := webhook.NewVerifier(oldSecret, newSecret)
	v.Now = func() time.Time { return now }
	for _, c := range cases {
		if err := v.Verify(c.h, c.body); !errors.Is(err, c.want) {
			t.Errorf("%s: Verify = %v, want %v", c.name, err, c.want)
		}
	}
}

func TestParseSecret(t *testing.T) {
	if _, err := webhook.ParseSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"); err != nil {
		t.Errorf("valid secret: %v", err)
	}
	if _, err := webhook.ParseSecret("whsec_short"); err == nil {
		t.Error("short secret accepted")
	}
}
