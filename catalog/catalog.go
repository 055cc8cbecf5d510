package catalog

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
)

//go:generate go run ./internal/generate -src ../../shared/data -out data/catalog.bin.gz -rcp ../rcp_services.go

//go:embed data/catalog.bin.gz
var embedded []byte

// Catalog is a decoded Service Authorization Reference. It is immutable
// and safe for concurrent use.
type Catalog struct {
	date, source string
	services     []Service
	byPrefix     map[string]*Service // by lower-case prefix
	actions      actionIndex         // by lower-case "service:action"
	rcp          []string
}

var (
	defaultOnce sync.Once
	defaultCat  *Catalog
)

// Default returns the catalogue embedded in the package, decoding it on
// first use (once, whichever goroutine comes first; about 20 ms).
func Default() *Catalog {
	defaultOnce.Do(func() {
		c, err := Decode(embedded)
		if err != nil {
			// The data are generated and tested with the package; a failure
			// here is a broken build, not bad input.
			panic(fmt.Sprintf("iameval/catalog: embedded data: %v", err))
		}
		defaultCat = c
		decoded.Store(c)
	})
	return defaultCat
}

// index builds the lookup tables after decoding.
func (c *Catalog) index() error {
	c.byPrefix = make(map[string]*Service, len(c.services))
	lazy := make([]serviceIndex, len(c.services))
	for k := range c.services {
		s := &c.services[k]
		lp := strings.ToLower(s.Prefix)
		if _, dup := c.byPrefix[lp]; dup {
			return fmt.Errorf("catalog: service %s twice", s.Prefix)
		}
		c.byPrefix[lp] = s
		if s.RCP {
			c.rcp = append(c.rcp, s.Prefix)
		}
		s.cat = c
		s.lazy = &lazy[k]
	}
	sort.Strings(c.rcp)
	return c.actions.build(c.services)
}

// Date returns the date of the reference data, YYYY-MM-DD.
func (c *Catalog) Date() string { return c.date }

// Source names the data the catalogue was generated from.
func (c *Catalog) Source() string { return c.source }

// Services returns every service, sorted by prefix. The slice is shared:
// do not modify it.
func (c *Catalog) Services() []Service { return c.services }

// RCPServices returns the prefixes of the services resource control
// policies support, sorted.
func (c *Catalog) RCPServices() []string { return append([]string(nil), c.rcp...) }

// maxName bounds the names lookups lower into a stack buffer; no action
// name or service prefix comes near it (the longest action is about 80
// characters).
const maxName = 256

// Service returns the service with the prefix, compared
// case-insensitively, or nil. It does not allocate.
func (c *Catalog) Service(prefix string) *Service {
	var buf [maxName]byte
	if len(prefix) > len(buf) {
		return nil
	}
	return c.byPrefix[string(lowerInto(buf[:], prefix))]
}

// Action returns the action named "service:Action", compared
// case-insensitively as AWS does, or nil when there is no such action.
// It takes constant time and does not allocate.
func (c *Catalog) Action(name string) *Action {
	var buf [maxName]byte
	if len(name) > len(buf) {
		return nil
	}
	return c.actions.find(c.services, lowerInto(buf[:], name))
}

// Action returns the service's action with the name (without the
// prefix), compared case-insensitively, or nil. It does not allocate.
func (s *Service) Action(name string) *Action {
	var buf [maxName]byte
	n := len(s.Prefix) + 1 + len(name)
	if n > len(buf) || s.cat == nil {
		return nil
	}
	lowerInto(buf[:], s.Prefix)
	buf[len(s.Prefix)] = ':'
	lowerInto(buf[len(s.Prefix)+1:], name)
	return s.cat.actions.find(s.cat.services, buf[:n])
}

// ResourceType returns the service's resource type with the name, or nil.
func (s *Service) ResourceType(name string) *ResourceType {
	i := sort.Search(len(s.ResourceTypes), func(i int) bool {
		return strings.ToLower(s.ResourceTypes[i].Name) >= strings.ToLower(name)
	})
	if i < len(s.ResourceTypes) && strings.EqualFold(s.ResourceTypes[i].Name, name) {
		return &s.ResourceTypes[i]
	}
	return nil
}

// lowerInto writes s in ASCII lower case into buf (len(buf) >= len(s))
// and returns that part of buf.
func lowerInto(buf []byte, s string) []byte {
	b := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return b
}

// appendLower appends s in ASCII lower case.
func appendLower[T string | []byte](dst []byte, s T) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
