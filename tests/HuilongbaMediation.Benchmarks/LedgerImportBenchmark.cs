using System.Diagnostics;
using System.Globalization;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Import;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MiniExcelLibs;

/// <summary>
/// A town ledger of N rows (a title row, the office's own headings, dates and amounts in the usual forms, short village
/// names, every outcome) as an .xlsx, imported into an empty demo database as the judicial office, then imported again
/// (every row already there). Prints the time of each step; the target is 10,000 rows in under 10 seconds.
/// </summary>
internal static class LedgerImportBenchmark
{
    private static readonly string[] Villages = ["五云山", "大水沟村委会", "回龙坝村", "大桥", "聚龙城社区居委会", "物流园区"];
    private static readonly string[] Categories = ["相邻纠纷", "婚姻家庭", "欠薪", "劳资", "交通事故", "合同纠纷", "物业", "宅基地", "消费", "其它"];
    private static readonly string[] Outcomes = ["调解成功", "成功", "达成协议", "调解不成", "终止", "不予受理", "", "调解成功", "调解成功"];
    private static readonly string[] Mediators = ["张敏", "刘桂兰", "陈建国", "马晓军", "罗平", "邓辉", "退休调解员老李"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "罗"];
    private static readonly string[] Given = ["大明", "秀英", "建国", "丽", "强", "芳", "伟", "敏", "军", "静", "涛", "霞", "勇", "红", "平", "辉"];

    public static async Task RunAsync(int rows)
    {
        var ledger = Ledger(rows);
        var folder = Directory.CreateTempSubdirectory("hm-bench-import-");
        try
        {
            await using var app = await BenchmarkApp.StartAsync(folder);
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            Actor office;
            await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            {
                var user = await db.Users.SingleAsync(u => u.UserName == "wangfang");
                office = new Actor(user.Id, user.DisplayName, UserRole.JudicialOffice, null);
            }

            var import = services.GetRequiredService<LedgerImportService>();
            var read = Stopwatch.StartNew();
            var sheet = LedgerFile.Read(ledger, "benchmark.xlsx").Single();
            read.Stop();

            var (first, firstCpu, imported) = await TimedAsync(() => import.ImportAsync(office, new LedgerImportRequest(ledger, "benchmark.xlsx")));
            var (again, againCpu, reimported) = await TimedAsync(() => import.ImportAsync(office, new LedgerImportRequest(ledger, "benchmark.xlsx")));

            Console.WriteLine($"ledger: {rows:N0} rows, {ledger.Length / 1024:N0} KB (.xlsx), {sheet.Rows.Count:N0} sheet rows read in {read.Elapsed.TotalSeconds:F2} s");
            Console.WriteLine($"load average before the run: {LoadAverage()}");
            Console.WriteLine($"| import | rows | imported | already there | skipped | refused | wall time | CPU time |");
            Console.WriteLine($"| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            Console.WriteLine($"| into an empty database | {rows:N0} | {imported.Imported:N0} | {imported.AlreadyPresent.Count:N0} | {imported.Skipped.Count:N0} | {imported.Refused.Count:N0} | {first.TotalSeconds:F2} s | {firstCpu.TotalSeconds:F2} s |");
            Console.WriteLine($"| the same file again | {rows:N0} | {reimported.Imported:N0} | {reimported.AlreadyPresent.Count:N0} | {reimported.Skipped.Count:N0} | {reimported.Refused.Count:N0} | {again.TotalSeconds:F2} s | {againCpu.TotalSeconds:F2} s |");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Wall time and this process's CPU time: on a shared machine the CPU time says what the import costs, the wall time what others left of the machine.</summary>
    private static async Task<(TimeSpan Wall, TimeSpan Cpu, T Result)> TimedAsync<T>(Func<Task<T>> run)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var result = await run();
        wall.Stop();
        process.Refresh();
        return (wall.Elapsed, process.TotalProcessorTime - cpu, result);
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    /// <summary>N rows of a town ledger, with a title row above the header; fixed seed, so every run imports the same file.</summary>
    private static byte[] Ledger(int count)
    {
        var random = new Random(2022);
        string[] headings = ["序号", "登记日期", "所属村（社区）", "当事人（申请人）", "被申请人", "类别", "简要案情", "调解人", "处理结果", "协议形式", "涉案金额", "办结日期"];
        Dictionary<string, object?> Line(params object?[] cells) =>
            Enumerable.Range(0, headings.Length).ToDictionary(i => ((char)('A' + i)).ToString(), i => i < cells.Length ? cells[i] : null);
        var lines = new List<Dictionary<string, object?>> { Line("回龙坝镇人民调解案件登记台账"), Line([.. headings]) };
        for (var i = 1; i <= count; i++)
        {
            var filed = new DateTime(2020, 1, 1).AddDays(random.Next(0, 365 * 5));
            var outcome = Outcomes[random.Next(Outcomes.Length)];
            var closed = filed.AddDays(random.Next(1, 40));
            object date = (i % 4) switch
            {
                0 => filed,
                1 => filed.ToOADate(),
                2 => filed.ToString("yyyy/M/d", CultureInfo.InvariantCulture),
                _ => filed.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
            };
            object? amount = (i % 5) switch
            {
                0 => null,
                1 => $"{random.Next(1, 50) / 10.0:0.#}万",
                2 => $"{random.Next(100, 90000):N0}元",
                _ => random.Next(100, 90000),
            };
            lines.Add(Line(
                i,
                date,
                Villages[random.Next(Villages.Length)],
                Name(random),
                Name(random),
                Categories[random.Next(Categories.Length)],
                $"第{i}号纠纷：双方因{Categories[random.Next(Categories.Length)]}问题发生争执，多次协商未果，申请调解。",
                Mediators[random.Next(Mediators.Length)],
                outcome,
                outcome.Contains("成功", StringComparison.Ordinal) && random.Next(3) == 0 ? "口头" : "书面",
                amount,
                outcome.Length == 0 ? null : closed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        lines.Add(Line("合计", null, null, null, null, null, null, null, null, null, $"共{count}件"));
        lines.Add(Line("制表人：王芳"));
        using var stream = new MemoryStream();
        stream.SaveAs(lines, printHeader: false, sheetName: "台账");
        return stream.ToArray();
    }

    private static string Name(Random random) => Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];
}
