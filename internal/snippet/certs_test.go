package snippet

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// testPKI is a throw-away server CA, client CA and leaf certificates.
type testPKI struct {
	serverCA    *x509.Certificate
	serverCAKey *ecdsa.PrivateKey
	serverCert  tls.Certificate
	clientCA    *x509.Certificate
	clientCert  tls.Certificate
}

// newTestPKI issues a server certificate for host and 127.0.0.1, and a
// client certificate with a SPIFFE URI SAN, each from its own CA.
func newTestPKI(t *testing.T, host string) testPKI {
	t.Helper()
	serverCA, serverCAKey := newCA(t, "authadvisor test server CA")
	clientCA, clientCAKey := newCA(t, "authadvisor test client CA")
	spiffe, _ := url.Parse("spiffe://example.org/test-client")
	return testPKI{
		serverCA:    serverCA,
		serverCAKey: serverCAKey,
		serverCert: newLeaf(t, serverCA, serverCAKey, &x509.Certificate{
			Subject:     pkix.Name{CommonName: host},
			DNSNames:    []string{host},
			IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
			ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		}),
		clientCA: clientCA,
		clientCert: newLeaf(t, clientCA, clientCAKey, &x509.Certificate{
			Subject:     pkix.Name{CommonName: "test-client", Organization: []string{"Example"}},
			URIs:        []*url.URL{spiffe},
			ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
		}),
	}
}

// upstreamCert issues a server certificate named cn, with an IP SAN for
// 127.0.0.1 when withIP is true, from the server CA.
func (p testPKI) upstreamCert(t *testing.T, cn string, withIP bool) tls.Certificate {
	t.Helper()
	return serverLeaf(t, p.serverCA, p.serverCAKey, cn, withIP)
}

// serverLeaf issues a server certificate with the common name cn, also a
// DNS name unless cn is an IP address, and an IP SAN for 127.0.0.1 when
// withIP is true, from ca.
func serverLeaf(t *testing.T, ca *x509.Certificate, caKey *ecdsa.PrivateKey, cn string,
	withIP bool) tls.Certificate {
	t.Helper()
	tmpl := &x509.Certificate{
		Subject:     pkix.Name{CommonName: cn},
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	if net.ParseIP(cn) == nil {
		tmpl.DNSNames = []string{cn}
	}
	if withIP {
		tmpl.IPAddresses = []net.IP{net.IPv4(127, 0, 0, 1)}
	}
	return newLeaf(t, ca, caKey, tmpl)
}

// writeNginxFiles writes server.crt, server.key, client-ca.crt and
// upstream-ca.crt (the server CA), the names the nginx templates use,
// into dir.
func (p testPKI) writeNginxFiles(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(p.serverCert.PrivateKey)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"server.crt":      pemBlock("CERTIFICATE", p.serverCert.Certificate[0]),
		"server.key":      pemBlock("PRIVATE KEY", keyDER),
		"client-ca.crt":   pemBlock("CERTIFICATE", p.clientCA.Raw),
		"upstream-ca.crt": pemBlock("CERTIFICATE", p.serverCA.Raw),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// clientTLS returns a client config trusting the server CA for serverName,
// presenting the client certificate when withCert is true.
func (p testPKI) clientTLS(serverName string, withCert bool) *tls.Config {
	pool := x509.NewCertPool()
	pool.AddCert(p.serverCA)
	cfg := &tls.Config{RootCAs: pool, ServerName: serverName, MinVersion: tls.VersionTLS12}
	if withCert {
		cfg.Certificates = []tls.Certificate{p.clientCert}
	}
	return cfg
}

func newCA(t *testing.T, name string) (*x509.Certificate, *ecdsa.PrivateKey) {
	t.Helper()
	key := newKey(t)
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: name},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
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
	return cert, key
}

func newLeaf(t *testing.T, ca *x509.Certificate, caKey *ecdsa.PrivateKey,
	tmpl *x509.Certificate) tls.Certificate {
	t.Helper()
	key := newKey(t)
	tmpl.SerialNumber = big.NewInt(time.Now().UnixNano())
	tmpl.NotBefore = time.Now().Add(-time.Hour)
	tmpl.NotAfter = time.Now().Add(24 * time.Hour)
	tmpl.KeyUsage = x509.KeyUsageDigitalSignature
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

func newKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

func pemBlock(typ string, der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der})
}
