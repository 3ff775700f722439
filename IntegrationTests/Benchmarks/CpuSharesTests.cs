using System.Diagnostics;
using Fachwerk.Benchmarks.Hosting;
using Fachwerk.Benchmarks.Measuring;

namespace Fachwerk.IntegrationTests.Benchmarks;

/// <summary>How the harness splits a phase's CPU between host, PostgreSQL and itself (the figure 1a's notes rest on it).</summary>
public class CpuSharesTests
{
    [Fact]
    public void A_process_stat_line_gives_parent_own_time_and_the_time_of_children_waited_for_even_with_parentheses_in_the_name()
    {
        var stat = Processes.ProcessStat.Parse(
            "4711 (postgres: fachwerk (1) idle) S 77 4711 4711 0 -1 4194560 1020 0 0 0 250 50 7 3 20 0 1 0 9000 221298688 4096 18446744073709551615");

        stat.ShouldBe(new Processes.ProcessStat(77, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(0.1)));
    }

    [Fact]
    public async Task The_cpu_of_a_process_tree_counts_a_child_that_has_exited()
    {
        var self = Environment.ProcessId;
        var before = Processes.TreeCpuTime(self)!.Value;
        var ownBefore = Processes.CpuTime(self)!.Value;

        using (var child = Process.Start("sh", ["-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done"]))
        {
            await child.WaitForExitAsync(TestContext.Current.CancellationToken);
            child.ExitCode.ShouldBe(0);
        }

        var children = Processes.TreeCpuTime(self)!.Value - before - (Processes.CpuTime(self)!.Value - ownBefore);
        children.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.1), "the shell's loop runs for several tenths of a second of CPU");
    }

    [Fact]
    public void The_cpu_of_a_processs_threads_of_one_name_is_read_by_thread_and_what_they_used_between_two_readings_is_summed()
    {
        // .NET gives a thread's name to Linux, which keeps 15 characters: the way the host's tiered compiler is found.
        var name = $"fw-spin-{Guid.NewGuid():N}"[..15];
        var self = Environment.ProcessId;
        using var spun = new ManualResetEventSlim();
        using var done = new ManualResetEventSlim();
        var thread = new Thread(() =>
        {
            // Spins until /proc counts 50 ms of its CPU, however busy the machine is.
            while (Processes.ThreadCpuTimes(self, name).Values.Sum(t => t.TotalMilliseconds) < 50) Thread.SpinWait(10_000);
            spun.Set();
            done.Wait();
        }) { Name = name, IsBackground = true };
        var before = Processes.ThreadCpuTimes(self, name);
        thread.Start();
        try
        {
            spun.Wait(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken).ShouldBeTrue();
            var after = Processes.ThreadCpuTimes(self, name);

            before.ShouldBeEmpty();
            after.ShouldHaveSingleItem().Value.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(50));
            Processes.ThreadCpuTimes(self, "fw-no-such-one").ShouldBeEmpty();
            TieredCompiler.Used(before, after).ShouldBe(after.Single().Value);
            TieredCompiler.Used(after, after).ShouldBe(TimeSpan.Zero);
        }
        finally
        {
            done.Set();
            thread.Join();
        }
    }

    [Fact]
    public void The_machine_is_busy_in_user_nice_system_interrupt_and_steal_time_not_in_idle_or_io_wait()
    {
        // user nice system idle iowait irq softirq steal guest guest_nice, in 1/100 s
        Processes.MachineBusyTime("cpu  4360854 117 1516534 3975422 62522 0 143385 9 0 0")
            .ShouldBe(TimeSpan.FromSeconds((4360854 + 117 + 1516534 + 143385 + 9) / 100.0));
    }

    [Fact]
    public void The_postmaster_is_found_by_the_first_line_of_its_pid_file()
    {
        var folder = Directory.CreateTempSubdirectory("fachwerk-pid-");
        try
        {
            Processes.PostmasterId(folder.FullName).ShouldBeNull();
            File.WriteAllLines(Path.Combine(folder.FullName, "postmaster.pid"), ["4321", folder.FullName, "1763912345", "54329"]);
            Processes.PostmasterId(folder.FullName).ShouldBe(4321);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Cpu_per_operation_is_what_each_party_used_between_two_readings_divided_by_the_operations()
    {
        var before = new CpuShares(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(100));
        var after = new CpuShares(TimeSpan.FromSeconds(13), TimeSpan.FromSeconds(24.5), TimeSpan.FromSeconds(1.3), TimeSpan.FromSeconds(109));

        var used = CpuShares.Used(before, after)!;

        used.PerOperation(1_000).ShouldBe("host 3 ms, PostgreSQL 4.5 ms, harness 0.3 ms, machine 9 ms");
        used.PerOperation(1_000, withHost: false).ShouldBe("PostgreSQL 4.5 ms, harness 0.3 ms, machine 9 ms");
        CpuShares.Used(null, after).ShouldBeNull();
        Should.Throw<ArgumentOutOfRangeException>(() => used.PerOperation(0));
    }
}
