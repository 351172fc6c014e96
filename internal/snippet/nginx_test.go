package snippet

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// nginxBinary returns the nginx executable, skipping the test when there
// is none, except under CI where a missing nginx is a failure.
func nginxBinary(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("nginx"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/sbin/nginx"); err == nil {
		return "/usr/sbin/nginx"
	}
	if os.Getenv("CI") != "" {
		t.Fatal("nginx not found on PATH or at /usr/sbin/nginx; CI must install it")
	}
	t.Skip("nginx not found on PATH or at /usr/sbin/nginx; install nginx to run this test")
	return ""
}

// nginxSite is one rendered snippet plus an nginx.conf around it, all in
// a temp dir, listening on 127.0.0.1 only.
type nginxSite struct {
	dir, conf string
	port      int
}

// newNginxSite renders spec with the certificates of pki in dir/tls, a
// free 127.0.0.1 port and the given validator URL, and writes nginx.conf
// with extra appended inside http { }.
func newNginxSite(t *testing.T, spec Spec, p Params, pki testPKI,
	validator, extra string) nginxSite {
	t.Helper()
	dir := t.TempDir()
	pki.writeNginxFiles(t, filepath.Join(dir, "tls"))
	port := freePort(t)
	opt := options{tlsDir: filepath.Join(dir, "tls"),
		listen: "127.0.0.1:" + strconv.Itoa(port), validator: validator}
	files, err := render(templatesFS(), []Spec{spec}, p, opt)
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	writeFiles(t, dir, files)

	q := func(s string) string {
		v, err := nginxString(s)
		if err != nil {
			t.Fatalf("temp dir %s: %v", s, err)
		}
		return v
	}
	conf := filepath.Join(dir, "nginx.conf")
	text := fmt.Sprintf(`daemon off;
master_process off;
pid %[1]s;
lock_file %[2]s;
error_log %[3]s info;
events { worker_connections 64; }
http {
    access_log %[4]s;
    client_body_temp_path %[5]s;
    proxy_temp_path %[6]s;
    fastcgi_temp_path %[7]s;
    uwsgi_temp_path %[8]s;
    scgi_temp_path %[9]s;
    include %[10]s;
%[11]s
}
`, q(dir+"/nginx.pid"), q(dir+"/nginx.lock"), q(dir+"/error.log"), q(dir+"/access.log"),
		q(dir+"/body"), q(dir+"/proxy"), q(dir+"/fastcgi"), q(dir+"/uwsgi"), q(dir+"/scgi"),
		q(filepath.Join(dir, filepath.FromSlash(spec.Path))), extra)
	if err := os.WriteFile(conf, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return nginxSite{dir: dir, conf: conf, port: port}
}

// check runs `nginx -t` on the site.
func (s nginxSite) check(t *testing.T) {
	t.Helper()
	out, err := exec.Command(nginxBinary(t), "-t", "-c", s.conf, "-p", s.dir+"/").
		CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("test is successful")) {
		conf, _ := os.ReadFile(s.conf)
		t.Fatalf("nginx -t: %v\n%s\nnginx.conf:\n%s", err, out, conf)
	}
}

// start runs nginx in the foreground until the test ends and waits until
// it accepts connections on each of ports.
func (s nginxSite) start(t *testing.T, ports ...int) {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(nginxBinary(t), "-c", s.conf, "-p", s.dir+"/")
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { stopProcess(t, cmd, exited) })

	for _, port := range ports {
		if err := waitListening(port, exited); err != nil {
			log, _ := os.ReadFile(filepath.Join(s.dir, "error.log"))
			t.Fatalf("nginx did not start: %v\nstderr: %s\nerror.log:\n%s", err, &stderr, log)
		}
	}
}

// stopProcess asks nginx to quit, then kills it if it lingers.
func stopProcess(t *testing.T, cmd *exec.Cmd, exited <-chan error) {
	_ = cmd.Process.Signal(syscall.SIGQUIT)
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
		t.Log("nginx did not quit within 5s; killing it")
		_ = cmd.Process.Kill()
		<-exited
	}
}

func waitListening(port int, exited <-chan error) error {
	deadline := time.Now().Add(10 * time.Second)
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			return fmt.Errorf("exited early: %v", err)
		default:
		}
		if c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond); err == nil {
			return c.Close()
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("nothing listening on %s after 10s", addr)
}

// freePort returns a 127.0.0.1 port that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// TestNginxConfigsCheck runs `nginx -t` on every nginx snippet.
func TestNginxConfigsCheck(t *testing.T) {
	nginxBinary(t)
	other := DefaultParams(IdPKeycloak)
	other.APIHost = "a-b.example-host.internal"
	other.Upstream = "https://[::1]:8443/"
	cases := []struct {
		name string
		p    Params
	}{{"default", DefaultParams("")}, {"other", other}}
	for _, spec := range specsOf("nginx") {
		for _, c := range cases {
			t.Run(spec.ID+"/"+c.name, func(t *testing.T) {
				site := newNginxSite(t, spec, c.p, newTestPKI(t, c.p.APIHost),
					"http://127.0.0.1:9/validate", "")
				site.check(t)
			})
		}
	}
}

func nginxSpec(t *testing.T, id string) Spec {
	t.Helper()
	for _, s := range specsOf("nginx") {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no nginx spec %s", id)
	return Spec{}
}

// get sends a GET to url with the headers in hdr and returns status, body
// and response headers.
func get(t *testing.T, c *http.Client, url string,
	hdr map[string]string) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: body: %v", url, err)
	}
	return resp.StatusCode, string(body), resp.Header
}
