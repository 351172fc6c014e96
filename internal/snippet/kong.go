package snippet

import "time"

// kongView holds the values Kong templates place in their configuration.
type kongView struct {
	// Name names the service, the route and the consumer that stands for
	// the identity provider: a DNS label derived from the API host, which
	// also fits Kong's name rules (letters, digits and `.-_~`).
	Service, Route, Consumer string
	// MaxExpiration is the jwt plugin's maximum_expiration in seconds:
	// the recommendation's longest access-token lifetime plus
	// kongClockSkew, since the plugin allows no leeway of its own.
	MaxExpiration int
	// UpstreamTLS is whether the service URL is https, so Kong must
	// verify the upstream's certificate.
	UpstreamTLS bool
}

// kongClockSkew is how far the identity provider's clock may run ahead of
// Kong's before a fresh token's `exp` looks too far away.
const kongClockSkew = time.Minute

func newKongView(p Params, opt options) kongView {
	label := hostLabel(p.APIHost)
	return kongView{
		Service:       label,
		Route:         dnsLabel(label, "-route"),
		Consumer:      dnsLabel(label, "-token-issuer"),
		MaxExpiration: int((p.TokenLifetime + kongClockSkew) / time.Second),
		UpstreamTLS:   clusterFor("", p.Upstream).TLS,
	}
}
