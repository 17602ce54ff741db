using System.Globalization;
using System.Text;

namespace HuilongbaMediation.Web.Tests.Features.CaseFile;

/// <summary>Small real files of each kind the 卷宗 accepts, and impostors, made in code.</summary>
public static class SampleFiles
{
    /// <summary>A blank one-page A4 PDF with a correct cross-reference table.</summary>
    public static byte[] Pdf { get; } = BuildPdf();

    /// <summary>A 1×1 white JPEG (made with ImageMagick).</summary>
    public static byte[] Jpeg { get; } = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AVN//2Q==");

    /// <summary>A 1×1 white PNG (made with ImageMagick).</summary>
    public static byte[] Png { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABAQAAAAA3bvkkAAAACklEQVQI12NoAAAAggCB3UNq9AAAAABJRU5ErkJggg==");

    public static byte[] Text { get; } = "这是一段文字，不是照片。"u8.ToArray();

    /// <summary>A PDF padded with zeros to <paramref name="size"/> bytes: its content passes, only its size decides.</summary>
    public static byte[] PdfOfSize(long size)
    {
        var bytes = new byte[size];
        Pdf.CopyTo(bytes, 0);
        return bytes;
    }

    public static byte[] Named(string kind) => kind switch
    {
        "pdf" => Pdf,
        "jpeg" => Jpeg,
        "png" => Png,
        "text" => Text,
        "10MB+1" => PdfOfSize((10 * 1024 * 1024) + 1),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static byte[] BuildPdf()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        foreach (var (body, number) in objects.Select((body, i) => (body, i + 1)))
        {
            offsets.Add(pdf.Length); // ASCII only: characters are bytes
            pdf.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n{body}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
