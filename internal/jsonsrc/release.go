package jsonsrc

import "sync"

// blockPool holds the blocks of released documents' bracket indexes
// (*[]int32), which the next Parse carves its index from: a loader that
// parses document after document then allocates and clears no index of
// its own.
var blockPool sync.Pool

// maxPooledBlock is the largest block, in offsets, kept for reuse (256
// KiB): the index of a huge document is left to the collector rather than
// held by the pool.
const maxPooledBlock = 1 << 16

// getBlock returns a block with room for at least n offsets, a pooled
// one when it is large enough.
func getBlock(n int) *[]int32 {
	if b, _ := blockPool.Get().(*[]int32); b != nil {
		if cap(*b) >= n {
			return b
		}
		blockPool.Put(b) // another, smaller document may use it
	}
	b := make([]int32, n)
	return &b
}

// Release hands the document's bracket index back for reuse by a later
// [Parse]. A reader calls it once it is done walking d: walks after it
// (Items, Fields, ValueAt, ...) still give the same values but find where
// containers end by scanning, as for documents too long to index. Pos,
// Src, LineStarts and the other position helpers are unaffected. Release
// must not run concurrently with other uses of d.
func (d *Doc) Release() {
	b := d.block
	if b == nil {
		return
	}
	d.block, d.opens, d.closes, d.after, d.quotes = nil, nil, nil, nil, nil
	if cap(*b) <= maxPooledBlock {
		blockPool.Put(b)
	}
}
