package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"testing"

	"github.com/iameval/iameval/scenario"
)

func TestZZProf(t *testing.T) {
	f := os.Getenv("ZZFILE")
	if f == "" {
		t.Skip()
	}
	cmd := os.Getenv("ZZCMD")
	runtime.MemProfileRate = 4096
	if cmd == "validate" {
		runValidate([]string{f}, io.Discard, io.Discard)
	} else if cmd == "test" {
		runTest([]string{f}, io.Discard, io.Discard)
	} else {
		dump := func(n string) {
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			fmt.Println(n, ms.HeapAlloc>>10, "kB")
			out, _ := os.Create(os.Getenv("ZZOUT") + "." + n)
			pprof.Lookup("heap").WriteTo(out, 0)
			out.Close()
		}
		dump("start")
		var read scenario.Files
		sf, _ := read.Load(f)
		dump("loaded")
		rep := sf.Run()
		dump("run")
		writeResult(io.Discard, rep.Results[0])
		runtime.KeepAlive(sf)
		runtime.KeepAlive(rep)
		runtime.KeepAlive(&read)
		dump("end")
		return
	}
	out, _ := os.Create(os.Getenv("ZZOUT"))
	pprof.Lookup("allocs").WriteTo(out, 0)
	out.Close()
}
