package snippet

import (
	"slices"
	"testing"
)

// TestIstioKongReadmesMentionOnlyGeneratedPackages renders each Go
// snippet alone next to the Istio and Kong snippets and checks that their
// READMEs point only at Go packages that were written.
func TestIstioKongReadmesMentionOnlyGeneratedPackages(t *testing.T) {
	all := goPackages(allSpecs())
	gateways := append(specsOf("istio"), specsOf("kong")...)
	for _, idp := range []string{IdPGeneric, IdPCognito} {
		for _, s := range append(specsOf("go"), Spec{}) {
			var specs []Spec
			if s.ID != "" {
				specs = withClientAuth([]Spec{s})
			}
			specs = append(specs, gateways...)
			files, err := Render(templatesFS(), specs, DefaultParams(idp))
			if err != nil {
				t.Fatalf("%s with %s: %v", idp, s.ID, err)
			}
			written := goPackages(specs)
			for _, readme := range []string{"istio/README.md", "kong/README.md"} {
				text := fileData(t, files, readme)
				// The audience check the gateways leave to the API.
				if slices.Contains(written, "jwtauth") && !mentionsPackage(text, "go/jwtauth") {
					t.Errorf("%s: %s does not point at go/jwtauth", idp, readme)
				}
				for _, pkg := range all {
					if !slices.Contains(written, pkg) && mentionsPackage(text, "go/"+pkg) {
						t.Errorf("%s, only %v written: %s names package %s", idp, written,
							readme, pkg)
					}
				}
			}
		}
	}
}
