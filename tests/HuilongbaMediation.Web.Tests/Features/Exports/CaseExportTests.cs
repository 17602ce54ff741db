using System.IO.Compression;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Exports;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using MiniExcelLibs;

namespace HuilongbaMediation.Web.Tests.Features.Exports;

/// <summary>
/// The case-list exports on a real SQLite file: read back with MiniExcel and CsvHelper and held against the case
/// list's own rows; masked, scoped to the user, and served with the right headers.
/// </summary>
public sealed partial class CaseExportTests : IAsyncLifetime
{
    private const string FullIdNumber = "11010519491231002X";

    private TestApp _app = default!;
    private BackdatedCases _cases = default!;
    private int _wuyunshan;
    private int _huilongba;
    private int _raised;
    private int _drafts;

    private static DateOnly Today => BackdatedCases.Today;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(demo: true);
        _cases = await BackdatedCases.CreateAsync(_app);
        _wuyunshan = await _app.VillageIdAsync("wuyunshan");
        _huilongba = await _app.VillageIdAsync("huilongba");

        // One case with the usual parties (their masked form is checked); the others each with parties of their own,
        // so that only the group labour dispute meets an early-warning rule without a person marking it.
        await _cases.FiledAsync(await _cases.DraftAsync(Today.AddDays(-1)));
        await _cases.MediatingAsync(await DraftAsync(Today.AddDays(-40)), Today.AddDays(-35)); // overdue
        await _cases.MediatingAsync(await DraftAsync(Today.AddDays(-3)), Today.AddDays(-2));
        await _cases.ResolvedAsync(await DraftAsync(Today.AddDays(-20)), Today.AddDays(-10));
        await _cases.FiledAsync(await DraftAsync(Today.AddDays(-5)) with { RiskLevel = RiskLevel.High, RiskNote = "一方扬言报复" });
        await using (var db = await _app.DbAsync())
        {
            var labour = await db.Categories.Where(c => c.Code == "labour-wages").Select(c => c.Id).SingleAsync();
            _raised = await _cases.FiledAsync(await DraftAsync(Today.AddDays(-2)) with { CategoryId = labour, PeopleInvolved = 9 });
        }

        await _cases.MediatingAsync(await DraftAsync(Today.AddDays(-4), "huilongba"), Today.AddDays(-4));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("")]
    [InlineData("?state=Mediating")]
    [InlineData("?overdue=1")]
    [InlineData("?village={wuyunshan}&q=王大明")]
    public async Task The_xlsx_holds_the_case_list_rows_for_the_same_filter(string query)
    {
        var actor = await _app.SignInAsUserAsync("wangfang");

        var rows = ReadXlsx(await ExportAsync(actor, ExportFormat.Xlsx, Resolve(query)));

        Assert.Equal(await ExpectedAsync(Resolve(query)), rows.Select(Comparable));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?state=Filed,Resolved")]
    public async Task The_csv_starts_with_a_byte_order_mark_and_holds_the_case_list_rows(string query)
    {
        var actor = await _app.SignInAsUserAsync("wangfang");

        var csv = await ExportAsync(actor, ExportFormat.Csv, query);

        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.StartsWith("案号,状态,登记日期,村（社区）,纠纷类型,主办调解员,当事人,纠纷简要情况,办结期限,剩余天数,风险等级\r\n", Encoding.UTF8.GetString(csv[3..]), StringComparison.Ordinal);
        Assert.Equal(await ExpectedAsync(query), ReadCsv(csv).Select(Comparable));
    }

    [Fact]
    public async Task A_case_raised_by_an_early_warning_rule_is_exported_as_high_risk()
    {
        var actor = await _app.SignInAsUserAsync("wangfang");
        await using var db = await _app.DbAsync();
        var number = await db.Cases.Where(c => c.Id == _raised).Select(c => c.Number).SingleAsync();

        var row = ReadCsv(await ExportAsync(actor, ExportFormat.Csv, "")).Single(r => r.Number == number);

        Assert.Equal("高", row.Risk);
    }

    [Fact]
    public async Task No_full_ID_number_or_phone_appears_in_either_file()
    {
        var actor = await _app.SignInAsUserAsync("wangfang");

        var xlsx = XlsxText(await ExportAsync(actor, ExportFormat.Xlsx, ""));
        var csv = Encoding.UTF8.GetString(await ExportAsync(actor, ExportFormat.Csv, ""));

        foreach (var text in new[] { xlsx, csv })
        {
            Assert.DoesNotMatch(EighteenCharacterIdNumber(), text);
            Assert.DoesNotContain("13812341234", text, StringComparison.Ordinal);
            Assert.Contains("申请人 王大明（身份证号 110105********002X，电话 138****1234）；被申请人 李小红（电话 023-****3456）", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(ExportFormat.Xlsx)]
    [InlineData(ExportFormat.Csv)]
    public async Task A_village_head_exports_no_case_of_another_village_even_when_the_query_asks_for_it(ExportFormat format)
    {
        await _app.SignInAsUserAsync("liqiang");

        var asked = await GetAsync(format, $"?village={_huilongba}");
        var all = await GetAsync(format, "");

        Assert.Equal(StatusCodes.Status200OK, asked.StatusCode);
        Assert.Empty(Read(format, Body(asked)));
        var villages = Read(format, Body(all)).Select(r => r.Village).Distinct();
        Assert.Equal(["五云山村"], villages);
    }

    [Fact]
    public async Task The_endpoint_names_the_file_with_the_date_in_RFC_5987_form_and_keeps_it_out_of_caches()
    {
        await _app.SignInAsUserAsync("wangfang");

        var xlsx = await GetAsync(ExportFormat.Xlsx, "");
        var csv = await GetAsync(ExportFormat.Csv, "?state=Mediating");

        var disposition = ContentDispositionHeaderValue.Parse(xlsx.Headers.ContentDisposition.ToString());
        Assert.Equal("attachment", disposition.DispositionType.Value);
        Assert.Equal($"案件列表-{Today:yyyy-MM-dd}.xlsx", disposition.FileNameStar.Value);
        Assert.Contains("filename*=UTF-8''", xlsx.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.ContentType);
        Assert.Equal("no-store", xlsx.Headers.CacheControl.ToString());
        Assert.Equal($"案件列表-{Today:yyyy-MM-dd}.csv", ContentDispositionHeaderValue.Parse(csv.Headers.ContentDisposition.ToString()).FileNameStar.Value);
        Assert.Equal("text/csv; charset=utf-8", csv.ContentType);
        Assert.Equal(3, ReadCsv(Body(csv)).Count);
    }

    [Fact]
    public async Task The_endpoint_answers_401_to_an_anonymous_request_and_403_to_a_user_without_a_role()
    {
        var anonymous = await GetAsync(ExportFormat.Csv, "", new ClaimsPrincipal(new ClaimsIdentity()));
        var roleless = await GetAsync(ExportFormat.Xlsx, "", new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "nobody")], "test")));

        Assert.Equal(StatusCodes.Status401Unauthorized, anonymous.StatusCode);
        Assert.Equal(StatusCodes.Status403Forbidden, roleless.StatusCode);
        Assert.Equal(0, anonymous.Body.Length + roleless.Body.Length);
    }

    [Theory]
    [InlineData(ExportFormat.Xlsx)]
    [InlineData(ExportFormat.Csv)]
    public async Task An_export_writes_to_the_response_asynchronously_only(ExportFormat format)
    {
        var actor = await _app.SignInAsUserAsync("wangfang");
        await using var body = new AsyncOnlyStream();

        await _app.Get<CaseExportService>().WriteAsync(actor, new CaseFilter(), format, body);

        Assert.Equal(7, Read(format, body.ToArray()).Count);
    }

    [Fact]
    public async Task An_export_past_the_cap_holds_the_first_10000_rows_and_says_so_in_its_name()
    {
        await CopyCaseAsync(CaseExportService.MaxRows);
        var actor = await _app.SignInAsUserAsync("wangfang");
        var exports = _app.Get<CaseExportService>();

        var plan = await exports.PlanAsync(actor, new CaseFilter(), ExportFormat.Xlsx);
        var rows = ReadCsv(await ExportAsync(actor, ExportFormat.Csv, ""));

        Assert.Equal($"案件列表-{Today:yyyy-MM-dd}-前10000件-共10007件.xlsx", plan.FileName);
        Assert.Equal(CaseExportService.MaxRows, rows.Count);
    }

    /// <summary>The list's rows as the export must show them: same order and columns, the raised case at 高.</summary>
    private async Task<List<string>> ExpectedAsync(string query)
    {
        var page = await _app.Get<CaseListService>().ListAsync(new CaseListRequest(CaseFilter.Parse(query), PageSize: CaseListService.MaxPageSize));
        Assert.True(page.Total < CaseListService.MaxPageSize);
        return [.. page.Rows.Select(r => string.Join("|",
            r.Number, r.Status.ToLabel(), r.FiledOn.ToString("yyyy-MM-dd"), r.Village, r.Category, r.LeadMediator, r.Parties,
            r.Summary.TrimEnd('…'), r.DueOn?.ToString("yyyy-MM-dd"), r.DaysLeft, (r.Id == _raised ? RiskLevel.High : r.Risk).ToLabel()))];
    }

    /// <summary>An exported row in the shape of <see cref="ExpectedAsync"/>: party names only, the summary as the list cuts it.</summary>
    private static string Comparable(CaseExportRow r) => string.Join("|",
        r.Number, r.Status, r.FiledOn, r.Village, r.Category, r.LeadMediator, string.Join("、", PartyName().Matches(r.Parties).Select(m => m.Groups[1].Value)),
        r.Summary[..Math.Min(60, r.Summary.Length)], r.DueOn, r.DaysLeft, r.Risk);

    /// <summary>
    /// Copies the first case <paramref name="copies"/> times in one SQL statement (numbers and sequences of their own;
    /// no parties or history), so that a cap of thousands is reached in a moment. The columns are read from the table,
    /// so the copy keeps up with the schema.
    /// </summary>
    private async Task CopyCaseAsync(int copies)
    {
        await using var db = await _app.DbAsync();
        var columns = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('Cases') WHERE name <> 'Id'").ToListAsync();
        var values = columns.Select(c => c switch
        {
            "Number" => "'复制' || n.i",
            "Sequence" => "100000 + n.i",
            _ => $"\"{c}\"",
        });
        var sql = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {copies})
            INSERT INTO "Cases" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
            SELECT {string.Join(", ", values)} FROM n, (SELECT * FROM "Cases" ORDER BY "Id" LIMIT 1)
            """;
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>A draft with two parties of its own, each with an 身份证号 and a mobile number.</summary>
    private async Task<CaseDraft> DraftAsync(DateOnly filedOn, string villageCode = "wuyunshan")
    {
        var n = ++_drafts;
        return await _cases.DraftAsync(filedOn, villageCode) with
        {
            Parties =
            [
                new PartyDraft { Role = PartyRole.Applicant, Kind = PartyKind.Person, Name = $"申请人{n}", IdNumber = IdNumberEnding($"50010619900101{n:D3}"), Phone = $"1390000{n:D4}" },
                new PartyDraft { Role = PartyRole.Respondent, Kind = PartyKind.Person, Name = $"被申请人{n}", IdNumber = IdNumberEnding($"50010619851212{n:D3}"), Phone = $"1370000{n:D4}" },
            ],
        };
    }

    /// <summary>A valid 身份证号 with these first 17 digits.</summary>
    private static string IdNumberEnding(string first17) => "0123456789X".Select(c => first17 + c).First(id => IdNumber.IsValid(id));

    private string Resolve(string query) => query.Replace("{wuyunshan}", _wuyunshan.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private async Task<byte[]> ExportAsync(Actor actor, ExportFormat format, string query)
    {
        using var output = new MemoryStream();
        await _app.Get<CaseExportService>().WriteAsync(actor, CaseFilter.Parse(query), format, output);
        return output.ToArray();
    }

    /// <summary>Runs the endpoint's handler as a request would, for the signed-in test user unless told otherwise.</summary>
    private async Task<HttpResponse> GetAsync(ExportFormat format, string query, ClaimsPrincipal? user = null)
    {
        var http = new DefaultHttpContext
        {
            User = user ?? (await _app.Auth.GetAuthenticationStateAsync()).User,
            RequestServices = _app.Get<IServiceProvider>(),
        };
        http.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        http.Response.Body = new MemoryStream();
        var result = await CaseExportEndpoints.ExportAsync(http, _app.Get<CaseExportService>(), _app.Get<SecurityLogWriter>(), format);
        await result.ExecuteAsync(http);
        return http.Response;
    }

    private static byte[] Body(HttpResponse response) => ((MemoryStream)response.Body).ToArray();

    private static List<CaseExportRow> Read(ExportFormat format, byte[] file) => format == ExportFormat.Xlsx ? ReadXlsx(file) : ReadCsv(file);

    private static List<CaseExportRow> ReadCsv(byte[] file)
    {
        using var reader = CsvReader.Create(file);
        return [.. reader.GetRecords<CaseExportRow>()];
    }

    private static List<CaseExportRow> ReadXlsx(byte[] file)
    {
        using var stream = new MemoryStream(file);
        return [.. MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => new CaseExportRow
        {
            Number = Text(r["案号"]),
            Status = Text(r["状态"]),
            FiledOn = Text(r["登记日期"]),
            Village = Text(r["村（社区）"]),
            Category = Text(r["纠纷类型"]),
            LeadMediator = r["主办调解员"] as string,
            Parties = Text(r["当事人"]),
            Summary = Text(r["纠纷简要情况"]),
            DueOn = r["办结期限"] as string,
            DaysLeft = r["剩余天数"] is double days ? (int)days : null,
            Risk = Text(r["风险等级"]),
        })];
    }

    private static string Text(object? value) => value as string ?? "";

    /// <summary>Every text part of the workbook (cells live in XML inside the zip).</summary>
    private static string XlsxText(byte[] file)
    {
        using var zip = new ZipArchive(new MemoryStream(file), ZipArchiveMode.Read);
        return string.Concat(zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        }));
    }

    [GeneratedRegex(@"\d{17}[\dXx]")]
    private static partial Regex EighteenCharacterIdNumber();

    [GeneratedRegex(@"(?:申请人|被申请人|第三人) ([^（；]+)")]
    private static partial Regex PartyName();

    /// <summary>A response body as Kestrel's: synchronous writes and flushes throw.</summary>
    private sealed class AsyncOnlyStream : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous write.");

        public override void Write(ReadOnlySpan<byte> buffer) => throw new InvalidOperationException("Synchronous write.");

        public override void WriteByte(byte value) => throw new InvalidOperationException("Synchronous write.");

        public override void Flush() => throw new InvalidOperationException("Synchronous flush.");

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            // MemoryStream's async write calls the synchronous one underneath; go around the override.
            var bytes = buffer.ToArray();
            base.Write(bytes, 0, bytes.Length);
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
