package snippet

// The Go snippets build against these modules at the versions go.mod pins.
// Importing them here keeps them in go.mod and go.sum, so that
// `go mod download` puts them in the module cache the offline compile tests
// build from.
import (
	_ "github.com/coreos/go-oidc/v3/oidc"
	_ "github.com/go-jose/go-jose/v4"
	_ "golang.org/x/oauth2"
	_ "golang.org/x/oauth2/clientcredentials"
)
