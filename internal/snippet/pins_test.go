package snippet

// The snippets build, and are checked, against these modules at the
// versions go.mod pins. Importing them here keeps them in go.mod and
// go.sum, so that `go mod download` puts them in the module cache that the
// offline compile and validation tests build from.
import (
	_ "github.com/coreos/go-oidc/v3/oidc"
	_ "github.com/go-jose/go-jose/v4"
	_ "golang.org/x/oauth2"
	_ "golang.org/x/oauth2/clientcredentials"

	_ "github.com/envoyproxy/go-control-plane/envoy/config/bootstrap/v3"
	_ "github.com/kong/go-database-reconciler/pkg/file"
	_ "github.com/zitadel/oidc/v3/pkg/op"
	_ "istio.io/client-go/pkg/apis/security/v1"
)
