package mtls_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"example.com/authstarter/mtls"
)

// ca is a throw-away certificate authority.
type ca struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
}

func newCA(t *testing.T, name string) ca {
	key := newKey(t)
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: name},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return ca{cert: cert, key: key}
}

// issue signs a leaf for tmpl and writes name.crt and name.key into dir;
// it returns their paths.
func (c ca) issue(t *testing.T, dir, name string, tmpl *x509.Certificate) (string, string) {
	key := newKey(t)
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 64))
	if err != nil {
		t.Fatal(err)
	}
	tmpl.SerialNumber = serial
	tmpl.NotBefore, tmpl.NotAfter = time.Now().Add(-time.Hour), time.Now().Add(time.Hour)
	tmpl.KeyUsage = x509.KeyUsageDigitalSignature
	der, err := x509.CreateCertificate(rand.Reader, tmpl, c.cert, &key.PublicKey, c.key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	crt, keyFile := filepath.Join(dir, name+".crt"), filepath.Join(dir, name+".key")
	writePEM(t, crt, "CERTIFICATE", der)
	writePEM(t, keyFile, "PRIVATE KEY", keyDER)
	return crt, keyFile
}

func (c ca) write(t *testing.T, dir, name string) string {
	file := filepath.Join(dir, name+".crt")
	writePEM(t, file, "CERTIFICATE", c.cert.Raw)
	return file
}

func writePEM(t *testing.T, file, typ string, der []byte) {
	data := pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der})
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func newKey(t *testing.T) *ecdsa.PrivateKey {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

func clientTemplate(spiffeID string) *x509.Certificate {
	u, _ := url.Parse(spiffeID)
	return &x509.Certificate{Subject: pkix.Name{CommonName: "client"}, URIs: []*url.URL{u},
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}
}

// pki holds the files of one test: a server CA and server certificate for
// the generated ServerName, a client CA with two clients, and a client
// from a CA the server does not trust.
type pki struct {
	dir                                string
	server                             mtls.ServerOptions
	serverCA                           string
	clientCert, clientKey              string // spiffe://example.org/orders
	otherClientCert, otherClientKey    string // spiffe://example.org/billing
	foreignClientCert, foreignClientKy string // from another CA
}

const (
	ordersID  = "spiffe://example.org/orders"
	billingID = "spiffe://example.org/billing"
)

func newPKI(t *testing.T) pki {
	dir := t.TempDir()
	serverCA, clientCA, foreignCA := newCA(t, "server CA"), newCA(t, "client CA"),
		newCA(t, "another CA")
	host := mtls.DefaultClientOptions().ServerName
	crt, key := serverCA.issue(t, dir, "server", &x509.Certificate{
		Subject:     pkix.Name{CommonName: host},
		DNSNames:    []string{host},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	})
	p := pki{dir: dir, serverCA: serverCA.write(t, dir, "server-ca"),
		server: mtls.ServerOptions{CertFile: crt, KeyFile: key,
			ClientCAFile: clientCA.write(t, dir, "client-ca")}}
	p.clientCert, p.clientKey = clientCA.issue(t, dir, "client", clientTemplate(ordersID))
	p.otherClientCert, p.otherClientKey = clientCA.issue(t, dir, "other",
		clientTemplate(billingID))
	p.foreignClientCert, p.foreignClientKy = foreignCA.issue(t, dir, "foreign",
		clientTemplate(ordersID))
	return p
}

// server is an HTTPS server on 127.0.0.1 with the generated server
// config; it answers with the caller's identity and counts the requests
// that reached the handler.
type server struct {
	*httptest.Server
	served atomic.Int32
}

func serve(t *testing.T, o mtls.ServerOptions) *server {
	cfg, err := mtls.ServerConfig(o)
	if err != nil {
		t.Fatal(err)
	}
	s := &server{}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter,
		r *http.Request) {
		s.served.Add(1)
		id, ok := mtls.PeerID(r)
		if !ok {
			http.Error(w, "no verified client", http.StatusUnauthorized)
			return
		}
		_, _ = fmt.Fprint(w, id)
	}))
	s.TLS = cfg
	s.StartTLS()
	t.Cleanup(s.Close)
	return s
}

// call sends one request with tlsCfg and returns the body.
func (s *server) call(tlsCfg *tls.Config) (string, error) {
	tr := &http.Transport{TLSClientConfig: tlsCfg}
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr}).Get(s.URL)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("status %s: %s", resp.Status, body)
	}
	return string(body), err
}

// refused checks that a client with tlsCfg gets no answer from the
// handler, and that a TLS 1.2 handshake, in which the server checks the
// client certificate before the handshake ends, fails with wantAlert.
// (With TLS 1.3 the client learns of the refusal only on its first read.)
func (s *server) refused(t *testing.T, tlsCfg *tls.Config, wantAlert string) {
	t.Helper()
	before := s.served.Load()
	if got, err := s.call(tlsCfg); err == nil {
		t.Errorf("request got through: %q", got)
	}
	if s.served.Load() != before {
		t.Error("the handler ran for a refused client")
	}
	cfg12 := tlsCfg.Clone()
	cfg12.MaxVersion = tls.VersionTLS12
	conn, err := tls.Dial("tcp", s.Listener.Addr().String(), cfg12)
	if err == nil {
		conn.Close()
		t.Fatal("TLS 1.2 handshake succeeded")
	}
	if !strings.Contains(err.Error(), wantAlert) {
		t.Errorf("TLS 1.2 handshake: %v, want %q", err, wantAlert)
	}
}

func (p pki) client(t *testing.T, cert, key string) *tls.Config {
	o := mtls.DefaultClientOptions()
	o.CertFile, o.KeyFile, o.CAFile = cert, key, p.serverCA
	cfg, err := mtls.ClientConfig(o)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestHandshake(t *testing.T) {
	p := newPKI(t)
	srv := serve(t, p.server)

	for _, version := range []uint16{tls.VersionTLS12, tls.VersionTLS13} {
		cfg := p.client(t, p.clientCert, p.clientKey)
		cfg.MaxVersion = version
		got, err := srv.call(cfg)
		if err != nil || got != ordersID {
			t.Fatalf("TLS %x client with a certificate from the client CA: %q, %v",
				version, got, err)
		}
	}

	// The same client config without its certificate.
	noCert := p.client(t, p.clientCert, p.clientKey)
	noCert.Certificates = nil
	srv.refused(t, noCert, "handshake failure")

	// A certificate from another CA, sent even though the server names the
	// CAs it accepts (a Go client would otherwise send none).
	foreign := p.client(t, p.foreignClientCert, p.foreignClientKy)
	cert := foreign.Certificates[0]
	foreign.Certificates = nil
	foreign.GetClientCertificate = func(*tls.CertificateRequestInfo) (*tls.Certificate, error) {
		return &cert, nil
	}
	srv.refused(t, foreign, "unknown certificate authority")
}

// TestServerNameChecked: the client refuses a server whose certificate is
// not for the ServerName it expects.
func TestServerNameChecked(t *testing.T) {
	p := newPKI(t)
	srv := serve(t, p.server)
	cfg := p.client(t, p.clientCert, p.clientKey)
	cfg.ServerName = "other.example.com"
	if _, err := srv.call(cfg); err == nil ||
		!strings.Contains(err.Error(), "certificate is valid for") {
		t.Errorf("client expecting another server name: %v, want a name mismatch", err)
	}
}

// TestAllowedIDs: a certificate from the right CA is still refused when
// its identity is not on the list.
func TestAllowedIDs(t *testing.T) {
	p := newPKI(t)
	o := p.server
	o.AllowedIDs = []string{ordersID}
	srv := serve(t, o)
	if got, err := srv.call(p.client(t, p.clientCert, p.clientKey)); err != nil ||
		got != ordersID {
		t.Errorf("allowed client: %q, %v", got, err)
	}
	srv.refused(t, p.client(t, p.otherClientCert, p.otherClientKey), "bad certificate")
}

// TestServerConfigErrors: missing files are reported, not ignored.
func TestServerConfigErrors(t *testing.T) {
	p := newPKI(t)
	o := p.server
	o.ClientCAFile = filepath.Join(p.dir, "missing.crt")
	if _, err := mtls.ServerConfig(o); err == nil {
		t.Error("ServerConfig accepted a missing client CA file")
	}
	o = p.server
	o.ClientCAFile = o.KeyFile // a file with no certificate in it
	if _, err := mtls.ServerConfig(o); err == nil || !strings.Contains(err.Error(), "no certificates") {
		t.Errorf("ServerConfig with a key as the CA file: %v", err)
	}
}
