using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace HuilongbaMediation.Web.Features.Public;

/// <summary>A poster of a teahouse or station: its name, the application page's address with the venue preset, and the QR code of it.</summary>
public sealed record Poster(int VenueId, string VenueName, string Url, string QrPngDataUri);

/// <summary>
/// 二维码海报: one per teahouse and station (the venues people walk into: not 上门调解, 村（居）调委会 or the online venue
/// itself), each leading to <c>/apply?venue=id</c>, so an application says where its applicant saw the poster.
/// </summary>
public sealed class Posters(IDbContextFactory<AppDbContext> dbFactory)
{
    private static readonly string[] NotPlaces = ["home-visit", "committee", ReferenceData.OnlineTeahouseVenue];

    public async Task<IReadOnlyList<Poster>> AllAsync(string baseUrl, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var venues = await db.Venues.AsNoTracking().Where(v => v.IsActive && (v.Code == null || !NotPlaces.Contains(v.Code)))
            .OrderBy(v => v.SortOrder).ThenBy(v => v.Id).Select(v => new { v.Id, v.Name }).ToListAsync(ct);
        return [.. venues.Select(v => For(v.Id, v.Name, baseUrl))];
    }

    public static Poster For(int venueId, string venueName, string baseUrl)
    {
        var url = $"{baseUrl.TrimEnd('/')}/apply?venue={venueId}";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(12);
        return new Poster(venueId, venueName, url, "data:image/png;base64," + Convert.ToBase64String(png));
    }
}
