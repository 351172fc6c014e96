package clientauth_test

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"math/big"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"

	"example.com/authstarter/clientauth"
)

func ecKey(t *testing.T, c elliptic.Curve) *ecdsa.PrivateKey {
	key, err := ecdsa.GenerateKey(c, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

func rsaKey(t *testing.T, bits int) *rsa.PrivateKey {
	key, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

// parse checks the assertion's signature with pub and returns it.
func parse(t *testing.T, raw string, pub any) (*jwt.JSONWebToken, jwt.Claims) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.ES256, jose.PS256})
	if err != nil {
		t.Fatal(err)
	}
	var c jwt.Claims
	if err := tok.Claims(pub, &c); err != nil {
		t.Fatalf("signature: %v", err)
	}
	return tok, c
}

func TestAssertion(t *testing.T) {
	ec, rs := ecKey(t, elliptic.P256()), rsaKey(t, 2048)
	now := time.Unix(1_700_000_000, 0)
	cases := []struct {
		signer crypto.Signer
		pub    any
		alg    string
	}{{ec, &ec.PublicKey, "ES256"}, {rs, &rs.PublicKey, "PS256"}}
	for _, c := range cases {
		key := clientauth.Key{Signer: c.signer, ID: "k1", Now: func() time.Time { return now }}
		raw, err := key.Assertion("svc", "https://as.test/token")
		if err != nil {
			t.Fatal(err)
		}
		tok, claims := parse(t, raw, c.pub)
		h := tok.Headers[0]
		if h.Algorithm != c.alg || h.KeyID != "k1" || h.ExtraHeaders["typ"] != "JWT" {
			t.Errorf("header %+v, want alg %s, kid k1, typ JWT", h, c.alg)
		}
		err = claims.ValidateWithLeeway(jwt.Expected{Issuer: "svc", Subject: "svc",
			AnyAudience: jwt.Audience{"https://as.test/token"}, Time: now}, 0)
		if err != nil || claims.ID == "" || claims.Expiry.Time() != now.Add(time.Minute) {
			t.Errorf("claims %+v: %v", claims, err)
		}
		again, _ := key.Assertion("svc", "https://as.test/token")
		if _, c2 := parse(t, again, c.pub); c2.ID == claims.ID {
			t.Error("two assertions share a jti")
		}
	}
}

// TestAssertionAudience: Key.Audience replaces the token endpoint URL as
// the only aud, for providers that accept only their issuer identifier.
func TestAssertionAudience(t *testing.T) {
	ec := ecKey(t, elliptic.P256())
	key := clientauth.Key{Signer: ec, Audience: "https://as.test"}
	form := url.Values{}
	if err := key.Authenticate(form, "svc", "https://as.test/token"); err != nil {
		t.Fatal(err)
	}
	_, claims := parse(t, form.Get("client_assertion"), &ec.PublicKey)
	if len(claims.Audience) != 1 || claims.Audience[0] != "https://as.test" {
		t.Errorf("aud %v, want only https://as.test", claims.Audience)
	}
}

func TestAssertionRefusesWeakKeys(t *testing.T) {
	for name, s := range map[string]crypto.Signer{
		"nil": nil, "P-384": ecKey(t, elliptic.P384()), "RSA 1024": rsaKey(t, 1024),
	} {
		if _, err := (clientauth.Key{Signer: s}).Assertion("svc", "aud"); err == nil {
			t.Errorf("%s key accepted", name)
		}
	}
}

func TestCertificateThumbprint(t *testing.T) {
	key := rsaKey(t, 2048)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "svc"},
		NotBefore: time.Now(), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "cert.pem")
	_ = os.WriteFile(file, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	cert, err := clientauth.LoadCertificate(file)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := clientauth.Key{Signer: key, Certificate: cert}.Assertion("svc", "aud")
	if err != nil {
		t.Fatal(err)
	}
	tok, _ := parse(t, raw, &key.PublicKey)
	sum := sha256.Sum256(der)
	if got := tok.Headers[0].ExtraHeaders["x5t#S256"]; got !=
		base64.RawURLEncoding.EncodeToString(sum[:]) {
		t.Errorf("x5t#S256 = %v", got)
	}
}

func TestAuthenticate(t *testing.T) {
	key := ecKey(t, elliptic.P256())
	form := url.Values{"token": {"x"}}
	if err := (clientauth.Key{Signer: key}).Authenticate(form, "svc", "aud"); err != nil {
		t.Fatal(err)
	}
	if form.Get("client_id") != "svc" || form.Get("client_assertion") == "" ||
		form.Get("client_assertion_type") != clientauth.AssertionType ||
		form.Has("client_secret") {
		t.Errorf("form %v", form)
	}
	// Without a key (mutual TLS) only the client id is sent (RFC 8705 §2).
	mtls := url.Values{}
	if err := (clientauth.Key{}).Authenticate(mtls, "svc", "aud"); err != nil ||
		len(mtls) != 1 || mtls.Get("client_id") != "svc" {
		t.Errorf("mTLS form %v, %v", mtls, err)
	}
}

func TestLoadKey(t *testing.T) {
	dir := t.TempDir()
	write := func(name, typ string, der []byte) string {
		p := filepath.Join(dir, name)
		_ = os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600)
		return p
	}
	good, _ := x509.MarshalPKCS8PrivateKey(ecKey(t, elliptic.P256()))
	weak, _ := x509.MarshalPKCS8PrivateKey(ecKey(t, elliptic.P384()))
	legacy := x509.MarshalPKCS1PrivateKey(rsaKey(t, 2048))
	if _, err := clientauth.LoadKey(write("good.pem", "PRIVATE KEY", good)); err != nil {
		t.Errorf("PKCS #8 P-256 key: %v", err)
	}
	for file, want := range map[string]string{
		write("weak.pem", "PRIVATE KEY", weak):         "P-256",
		write("legacy.pem", "RSA PRIVATE KEY", legacy): "PKCS #8",
		filepath.Join(dir, "missing.pem"):              "no such file",
	} {
		if _, err := clientauth.LoadKey(file); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("LoadKey(%s) = %v, want an error mentioning %q", file, err, want)
		}
	}
}
