package snippet

// envoyView holds the values Envoy templates place in their configuration.
type envoyView struct{}

func newEnvoyView(p Params, opt options) envoyView {
	return envoyView{}
}
