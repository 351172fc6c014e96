package snippet

// istioView holds the values Istio templates place in their configuration.
type istioView struct{}

func newIstioView(p Params, opt options) istioView {
	return istioView{}
}
