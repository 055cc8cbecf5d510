package catalog_test

import (
	"runtime"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iameval/iameval/catalog"
)

// maxLiveHeap bounds the heap a decoded catalogue keeps alive. Every
// command loads the catalogue, so it is a floor under the memory of
// `iameval validate` on any input (issue 15: at most 10x the input).
// Measured with Go 1.26 on the 2026 data: 4,829 KB (it was 9,980 KB with
// two action maps over lower-case copies of the names, a list per action
// and the whole string table kept).
const maxLiveHeap = 5 << 20

func TestDecodedCatalogueLiveHeap(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation sizes")
	}
	if testing.Short() {
		t.Skip("collects the heap")
	}
	live := liveHeap(t, "a decoded catalogue", func() (any, error) { return catalog.Decode(catalog.EmbeddedData()) })
	assert.LessOrEqual(t, live, int64(maxLiveHeap), "a decoded catalogue keeps at most 5 MiB alive")
}

// Issue 15: explaining an implicit deny asks whether the action exists;
// the set of names answers with far less memory than the catalogue's
// 5 MiB (maxLiveHeap). Measured with Go 1.26 on the 2026 data: 835 KB
// live, 2.1 MB allocated (the decompressed data).
func TestNameSetLiveHeap(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation sizes")
	}
	if testing.Short() {
		t.Skip("collects the heap")
	}
	live := liveHeap(t, "the action names", catalog.DecodeEmbeddedNames)
	assert.LessOrEqual(t, live, int64(1<<20), "the names keep at most 1 MiB alive")
}

// liveHeap returns the heap that what build returns keeps alive, and logs
// it, named what, with what building it allocated.
func liveHeap(t *testing.T, what string, build func() (any, error)) int64 {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v, err := build()
	require.NoError(t, err)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	live := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("live heap of %s: %d KB; allocated %d KB", what, live>>10, (after.TotalAlloc-before.TotalAlloc)>>10)
	return live
}

// A service's condition keys and ARN formats are indexed on first use;
// concurrent first uses must agree (run with -race). S3 defines
// s3:ExistingObjectTag/<key> (String) and the object resource type
// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html).
func TestLazyIndexConcurrent(t *testing.T) {
	t.Parallel()
	c, err := catalog.Decode(catalog.EmbeddedData())
	require.NoError(t, err)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k, ok := c.ConditionKey("s3:ExistingObjectTag/team")
			assert.True(t, ok, "a template key of S3")
			assert.Equal(t, catalog.String, k.Type)
			object := c.Service("s3").ResourceType("object")
			if assert.NotNil(t, object) {
				assert.True(t, object.Matches("arn:aws:s3:::bucket/key"), "an object ARN")
			}
		}()
	}
	wg.Wait()
}
