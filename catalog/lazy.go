package catalog

import "sync"

// serviceIndex holds the indexes of a service that lookups of condition
// keys and resources need. They are built on first use: a policy names a
// few services of the 450 or so, and building them all would keep about
// 1 MB alive for nothing.
type serviceIndex struct {
	once     sync.Once
	keys     keyIndex
	matchers [][]arnFormat // by resource type, in the service's order
}

// noIndex is the (empty) index of a Service not decoded by this package.
var noIndex serviceIndex

// index returns the service's indexes, building them on first use.
func (s *Service) index() *serviceIndex {
	x := s.lazy
	if x == nil {
		return &noIndex
	}
	x.once.Do(func() {
		x.keys = newKeyIndex(s.ConditionKeys)
		x.matchers = make([][]arnFormat, len(s.ResourceTypes))
		for k := range s.ResourceTypes {
			formats := s.ResourceTypes[k].ARNFormats
			m := make([]arnFormat, len(formats))
			for f, format := range formats {
				m[f] = compileFormat(format)
			}
			x.matchers[k] = m
		}
	})
	return x
}

// matchers returns the compiled ARN formats of the resource type, in
// the order of ARNFormats.
func (r *ResourceType) matchers() []arnFormat {
	if r.Service == nil {
		return nil
	}
	x := r.Service.index()
	if r.index >= len(x.matchers) {
		return nil
	}
	return x.matchers[r.index]
}
