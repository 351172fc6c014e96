package snippet

// kongView holds the values Kong templates place in their configuration.
type kongView struct{}

func newKongView(p Params, opt options) kongView {
	return kongView{}
}
