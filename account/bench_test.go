package account

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// scale holds the generated export of the scale target, built once.
var scale struct {
	once sync.Once
	src  []byte
	acc  *Accounts
	err  error
}

// scaleAccounts returns the scale export and its loaded accounts.
func scaleAccounts(tb testing.TB) ([]byte, *Accounts) {
	scale.once.Do(func() {
		scale.src = genExport(scaleSize, 42)
		l := NewLoader(Options{})
		l.AddExport("scale.json", scale.src)
		scale.acc, scale.err = l.Load()
	})
	require.NoError(tb, scale.err)
	return scale.src, scale.acc
}

// cpuTime returns the CPU time the process has used (user and system):
// on a shared machine it tracks the work done far better than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU milliseconds per operation since start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// The generated export is deterministic and loads.
func TestGeneratedExport(t *testing.T) {
	if testing.Short() {
		t.Skip("scale export")
	}
	src, a := scaleAccounts(t)
	require.Equal(t, string(genExport(genSize{roles: 30, users: 20, groups: 5, policies: 40}, 1)), string(genExport(genSize{roles: 30, users: 20, groups: 5, policies: 40}, 1)))
	require.Len(t, a.Principals(), scaleSize.roles+scaleSize.users)
	require.NotEmpty(t, src)
}

// BenchmarkLoad loads the export of 5,000 roles, 2,000 users and 10,000
// managed policies (target: under 2 s and 500 MB).
func BenchmarkLoad(b *testing.B) {
	src, _ := scaleAccounts(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	var peak uint64
	start := cpuTime()
	for b.Loop() {
		l := NewLoader(Options{})
		l.AddExport("scale.json", src)
		if _, err := l.Load(); err != nil {
			b.Fatal(err)
		}
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		peak = max(peak, m.HeapAlloc)
	}
	reportCPU(b, start)
	b.ReportMetric(float64(peak)/(1<<20), "heap-MiB")
}

// BenchmarkWhoCan asks who can read an object over the scale export
// (target: under 100 ms).
func BenchmarkWhoCan(b *testing.B) {
	_, a := scaleAccounts(b)
	b.ReportAllocs()
	start := cpuTime()
	defer reportCPU(b, start)
	for b.Loop() {
		seq, err := a.WhoCan("s3:GetObject", "arn:aws:s3:::bucket-7/key", Query{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for range seq {
			n++
		}
	}
}

// BenchmarkCan asks what one principal can do over every action of a
// catalogue-sized list (target: under 200 ms).
func BenchmarkCan(b *testing.B) {
	_, a := scaleAccounts(b)
	actions := benchActions()
	p, ok := a.Principal("arn:aws:iam::111122223333:role/app/r00001")
	require.True(b, ok)
	b.ReportAllocs()
	start := cpuTime()
	defer reportCPU(b, start)
	for b.Loop() {
		seq, err := a.Can(p, "", actions, Query{})
		if err != nil {
			b.Fatal(err)
		}
		for range seq {
		}
	}
}

// chainExport is an export of a user and n roles, each trusting the one
// before it (the first trusts the user), and each allowed sts:AssumeRole
// on every role: Reach finds one more role a step, and tries every role
// not yet reached at each (issue 15).
func chainExport(n int) []byte {
	var b strings.Builder
	allowAssume := `"RolePolicyList":[{"PolicyName":"p","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}}]`
	fmt.Fprintf(&b, `{"UserDetailList":[{"UserName":"u","UserId":"AIDA0000000000000001","Arn":"arn:aws:iam::111122223333:user/u","Path":"/","GroupList":[],"UserPolicyList":[{"PolicyName":"p","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}}],"AttachedManagedPolicies":[]}],"RoleDetailList":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		trusted := "arn:aws:iam::111122223333:user/u"
		if i > 0 {
			trusted = fmt.Sprintf("arn:aws:iam::111122223333:role/r%d", i-1)
		}
		fmt.Fprintf(&b, `{"RoleName":"r%d","RoleId":"AROA%016d","Arn":"arn:aws:iam::111122223333:role/r%d","Path":"/","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":%q},"Action":"sts:AssumeRole"}]},%s,"AttachedManagedPolicies":[]}`, i, i, i, trusted, allowAssume)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// BenchmarkReachChain walks a chain of 300 roles: 45,000 steps decided.
func BenchmarkReachChain(b *testing.B) {
	l := NewLoader(Options{})
	l.AddExport("chain.json", chainExport(300))
	a, err := l.Load()
	require.NoError(b, err)
	u, ok := a.Principal("arn:aws:iam::111122223333:user/u")
	require.True(b, ok)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		n := 0
		for range a.Reach(u, Query{}) {
			n++
		}
		if n != 300 {
			b.Fatalf("reached %d roles, want 300", n)
		}
	}
	reportCPU(b, start)
}
