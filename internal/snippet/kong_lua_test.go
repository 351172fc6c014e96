package snippet

import (
	"fmt"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

// runKongAccess runs the pre-function's access chunk for one request
// with a stand-in for the Kong PDK in a state that has only the base,
// string and table libraries (Kong's sandbox allows no more), and returns
// the status passed to kong.response.exit, or 0 when the request goes on.
func runKongAccess(t *testing.T, chunk, rawQuery string) int {
	t.Helper()
	L := lua.NewState(lua.Options{SkipOpenLibs: true})
	defer L.Close()
	for _, lib := range []struct {
		name string
		fn   lua.LGFunction
	}{{lua.BaseLibName, lua.OpenBase}, {lua.StringLibName, lua.OpenString},
		{lua.TabLibName, lua.OpenTable}} {
		L.Push(L.NewFunction(lib.fn))
		L.Push(lua.LString(lib.name))
		L.Call(1, 0)
	}
	for _, unsafe := range []string{"dofile", "loadfile", "load", "loadstring", "require"} {
		L.SetGlobal(unsafe, lua.LNil)
	}
	status := 0
	request, response, kong := L.NewTable(), L.NewTable(), L.NewTable()
	// kong.request.get_raw_query returns the query as sent, or "".
	L.SetField(request, "get_raw_query", L.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LString(rawQuery))
		return 1
	}))
	L.SetField(response, "exit", L.NewFunction(func(L *lua.LState) int {
		if status != 0 {
			L.RaiseError("kong.response.exit called twice")
		}
		status = L.CheckInt(1)
		if body := L.CheckTable(2); body.RawGetString("error").String() != "invalid_request" {
			L.RaiseError("exit body without error=invalid_request")
		}
		if h := L.CheckTable(3); h.RawGetString("Cache-Control").String() != "no-store" {
			L.RaiseError("exit without Cache-Control: no-store")
		}
		return 0
	}))
	L.SetField(kong, "request", request)
	L.SetField(kong, "response", response)
	L.SetGlobal("kong", kong)
	if err := L.DoString(chunk); err != nil {
		t.Fatalf("query %q: %v", rawQuery, err)
	}
	return status
}

// TestKongPreFunctionRefusesQueryCredentials runs the Lua of both Kong
// files on a Lua 5.1 interpreter (Kong runs LuaJIT, which implements 5.1).
func TestKongPreFunctionRefusesQueryCredentials(t *testing.T) {
	files, err := Render(templatesFS(), specsOf("kong"), hostileParams())
	if err != nil {
		t.Fatal(err)
	}
	many := func(n int, last string) string {
		parts := make([]string, n)
		for i := range parts {
			parts[i] = fmt.Sprintf("p%d=1", i)
		}
		return strings.Join(append(parts, last), "&")
	}
	refused := []string{
		"access_token=x", "page=2&Access-Token=x", "api_key[]=x", "a=1&API%5FKEY=x",
		"jwt", "client+secret=x", "id.token=x", "%20password=x", "PASSWD=", "key=x&key=y",
		"refresh_token=x", "apikey=x", "token=x",
		many(999, "access_token=x"), // the 1,000th argument is still read
		many(1000, "page=1"),        // too many: refused whole
		// Repeated names count once each, so the credential after 1,000
		// of them is not hidden.
		strings.Repeat("p=1&", 1000) + "access_token=x", strings.Repeat("p=1;", 999) + "p=1",
		// ";" separates too; a [...] suffix, raw or encoded, and NUL are
		// ignored, as frameworks do.
		"a=1;access_token=x", "access_token[0]=x", "api_key[x]=y", "access_token%5B0%5D=x",
		"access_token%00=x", "Access%5fToken%5B%5D=x",
		// Non-ASCII bytes in a name, raw or encoded, are refused: U+017F
		// folds to "s" and U+212A to "k" in Go and Java.
		"acce%C5%BF%C5%BF_token=x", "api_%E2%84%AAey=x", "acce\u017f\u017f_token=x",
		"a=1&api_\u212aey=x", "x%e9=1",
	}
	allowed := []string{
		"", "page=2&sort=name", "tokens=1", "keyword=x", "keys=1", "api=1&key_id=3",
		"q=access_token", "token_type_hint=x", many(998, "page=1"),
		strings.Repeat("p=1&", 998) + "p=1", "q=caf%C3%A9", "q=\u017f", "tokens[0]=1",
	}
	for _, path := range []string{"kong/kong.yaml", "kong/kong-gateway.yaml"} {
		content, err := readKongContent(t, []byte(fileData(t, files, path)))
		if err != nil {
			t.Fatal(err)
		}
		var c kongPreFunctionConfig
		for _, pl := range content.Services[0].Plugins {
			if kongStr(pl.Name) == "pre-function" {
				if err := kongPluginConfig(pl.Config, &c); err != nil {
					t.Fatal(err)
				}
			}
		}
		if len(c.Access) != 1 {
			t.Fatalf("%s: %d access chunks", path, len(c.Access))
		}
		for _, q := range refused {
			if got := runKongAccess(t, c.Access[0], q); got != 400 {
				t.Errorf("%s: query %.60q: status %d, want 400", path, q, got)
			}
		}
		for _, q := range allowed {
			if got := runKongAccess(t, c.Access[0], q); got != 0 {
				t.Errorf("%s: query %.60q refused with %d", path, q, got)
			}
		}
	}
}
