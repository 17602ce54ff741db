using HuilongbaMediation.Web.Features.Import;

namespace HuilongbaMediation.Web.Tests.Features.Import;

/// <summary>tests/samples/ holds what <see cref="SampleLedgers"/> makes: <c>REBUILD_SAMPLES=1</c> writes them again.</summary>
public sealed class SampleLedgerFilesTests
{
    [Fact]
    public void The_sample_ledgers_are_what_the_generator_makes()
    {
        if (Environment.GetEnvironmentVariable("REBUILD_SAMPLES") == "1")
        {
            File.WriteAllBytes(SampleLedgers.TownPath, SampleLedgers.Town());
            File.WriteAllBytes(SampleLedgers.VillagePath, SampleLedgers.Village());
        }

        Assert.Equal(SampleLedgers.Village(), File.ReadAllBytes(SampleLedgers.VillagePath));
        Assert.Equal(Cells(SampleLedgers.Town(), SampleLedgers.TownFile), Cells(File.ReadAllBytes(SampleLedgers.TownPath), SampleLedgers.TownFile));
    }

    [Fact]
    public void The_village_ledger_is_not_UTF8_and_reads_as_GB18030()
    {
        var bytes = File.ReadAllBytes(SampleLedgers.VillagePath);

        Assert.Throws<System.Text.DecoderFallbackException>(() => new System.Text.UTF8Encoding(false, true).GetString(bytes));
        Assert.StartsWith("五云山村2022年人民调解台账", LedgerFile.Decode(bytes), StringComparison.Ordinal);
    }

    /// <summary>A workbook's cells as text (a zip's own timestamps differ from one save to the next).</summary>
    private static List<string> Cells(byte[] workbook, string name) =>
        [.. LedgerFile.Read(workbook, name).SelectMany(s => s.Rows.Select(r => $"{s.Name}!{r.Number}:" + string.Join("|", r.Cells.Select(LedgerText.Clean))))];
}
