using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.CaseFile;
using HuilongbaMediation.Web.Tests.Features.CaseFile;
using HuilongbaMediation.Web.Tests.Features.Cases.Documents;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Data;

/// <summary>
/// The database, the key ring and the attachments are the app user's alone (600 files, 700 folders), and start-up
/// clears what a crash left half-written (issue 9, item 8). Modes are checked, not access: the tests run as root.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FilesAtRestTests
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [Fact]
    public async Task A_new_database_with_its_wal_and_shm_and_the_key_ring_are_the_app_users_only()
    {
        await using var temp = new TempFolder();
        await using var app = await TestApp.StartAsync(dataFolder: temp.Path);
        app.Get<IDataProtectionProvider>().CreateProtector("test").Protect("a sign-in cookie");
        await using (var db = await app.DbAsync())
        {
            await db.Database.OpenConnectionAsync(); // the -wal and -shm exist while a connection is open
            await db.Database.ExecuteSqlRawAsync("UPDATE Villages SET SortOrder = SortOrder;");

            var database = Path.Combine(temp.Path, "huilongba.db");
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                Assert.True(File.Exists(file), file);
                Assert.Equal(Private, File.GetUnixFileMode(file));
            }
        }

        var keys = Path.Combine(temp.Path, "keys");
        Assert.Equal(PrivateFolder, File.GetUnixFileMode(keys));
        var key = Assert.Single(Directory.GetFiles(keys));
        Assert.Equal(Private, File.GetUnixFileMode(key));
    }

    [Fact]
    public async Task An_attachment_and_its_folders_are_the_app_users_only()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var c = await AgreedCases.ResolvedAsync(app);

        Assert.True((await UploadAsync(app, c.Id, SampleFiles.Pdf)).Succeeded);

        var files = Path.Combine(app.DataFolder, "files");
        var caseFolder = Path.Combine(files, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(PrivateFolder, File.GetUnixFileMode(files));
        Assert.Equal(PrivateFolder, File.GetUnixFileMode(caseFolder));
        Assert.Equal(Private, File.GetUnixFileMode(Assert.Single(Directory.GetFiles(caseFolder))));
    }

    [Fact]
    public async Task Files_left_readable_by_others_are_narrowed_at_start_up()
    {
        await using var temp = new TempFolder();
        await TestApp.CopyTemplateAsync(temp.Path, demo: true);
        string attachment;
        await using (var first = await TestApp.StartAsync(demo: true, dataFolder: temp.Path))
        {
            var c = await AgreedCases.ResolvedAsync(first);
            Assert.True((await UploadAsync(first, c.Id, SampleFiles.Pdf)).Succeeded);
            first.Get<IDataProtectionProvider>().CreateProtector("test").Protect("x");
            attachment = Directory.GetFiles(Path.Combine(temp.Path, "files"), "*", SearchOption.AllDirectories).Single();
        }

        var open = Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        var openFolder = PrivateFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        var database = Path.Combine(temp.Path, "huilongba.db");
        var key = Directory.GetFiles(Path.Combine(temp.Path, "keys")).Single();
        foreach (var file in new[] { database, key, attachment })
        {
            File.SetUnixFileMode(file, open);
        }

        File.SetUnixFileMode(Path.Combine(temp.Path, "keys"), openFolder);
        File.SetUnixFileMode(Path.Combine(temp.Path, "files"), openFolder);

        await using var second = await TestApp.StartAsync(demo: true, dataFolder: temp.Path);

        Assert.All(new[] { database, key, attachment }, file => Assert.Equal(Private, File.GetUnixFileMode(file)));
        Assert.Equal(PrivateFolder, File.GetUnixFileMode(Path.Combine(temp.Path, "keys")));
        Assert.Equal(PrivateFolder, File.GetUnixFileMode(Path.Combine(temp.Path, "files")));
    }

    [Fact]
    public async Task A_partial_upload_left_by_a_crash_is_removed_at_start_up_and_filed_ones_stay()
    {
        await using var temp = new TempFolder();
        await TestApp.CopyTemplateAsync(temp.Path, demo: true);
        string filed;
        string partial;
        await using (var first = await TestApp.StartAsync(demo: true, dataFolder: temp.Path))
        {
            var c = await AgreedCases.ResolvedAsync(first);
            Assert.True((await UploadAsync(first, c.Id, SampleFiles.Pdf)).Succeeded);
            filed = Directory.GetFiles(Path.Combine(temp.Path, "files"), "*", SearchOption.AllDirectories).Single();
            partial = Path.Combine(Path.GetDirectoryName(filed)!, $"{Guid.NewGuid():N}{CaseFileStore.PartialSuffix}");
            await File.WriteAllBytesAsync(partial, SampleFiles.Pdf[..100]); // what a killed upload leaves
        }

        await using var second = await TestApp.StartAsync(demo: true, dataFolder: temp.Path);

        Assert.False(File.Exists(partial), "the partial upload is still there");
        Assert.True(File.Exists(filed));
    }

    [Fact]
    public async Task A_file_whose_row_was_never_committed_is_removed_at_start_up_and_filed_ones_stay()
    {
        await using var temp = new TempFolder();
        await TestApp.CopyTemplateAsync(temp.Path, demo: true);
        string filed;
        string orphan;
        string foreign;
        await using (var first = await TestApp.StartAsync(demo: true, dataFolder: temp.Path))
        {
            var c = await AgreedCases.ResolvedAsync(first);
            Assert.True((await UploadAsync(first, c.Id, SampleFiles.Pdf)).Succeeded);
            filed = Directory.GetFiles(Path.Combine(temp.Path, "files"), "*", SearchOption.AllDirectories).Single();

            // What a kill between moving the file to its stored name and committing its row leaves; and a file that is
            // not an upload at all (an operator's note), which is not ours to remove.
            orphan = Path.Combine(Path.GetDirectoryName(filed)!, Guid.NewGuid().ToString("N"));
            await File.WriteAllBytesAsync(orphan, SampleFiles.Pdf);
            foreign = Path.Combine(temp.Path, "files", "说明.txt");
            await File.WriteAllTextAsync(foreign, "备份说明");
        }

        await using var second = await TestApp.StartAsync(demo: true, dataFolder: temp.Path);

        Assert.False(File.Exists(orphan), "the file without a row is still there");
        Assert.True(File.Exists(filed));
        Assert.True(File.Exists(foreign));
    }

    [Fact]
    public async Task Attachments_filed_before_hashes_were_kept_get_theirs_at_start_up()
    {
        await using var temp = new TempFolder();
        await TestApp.CopyTemplateAsync(temp.Path, demo: true);
        await using (var first = await TestApp.StartAsync(demo: true, dataFolder: temp.Path))
        {
            var c = await AgreedCases.ResolvedAsync(first);
            Assert.True((await UploadAsync(first, c.Id, SampleFiles.Jpeg, "照片.jpg")).Succeeded);
            await using var db = await first.DbAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE CaseAttachments SET Sha256 = NULL;");
        }

        await using var second = await TestApp.StartAsync(demo: true, dataFolder: temp.Path);

        await using var check = await second.DbAsync();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(SampleFiles.Jpeg)), await check.CaseAttachments.Select(a => a.Sha256).SingleAsync());
    }

    private static async Task<Web.Common.Result<Web.Features.Cases.CaseRef>> UploadAsync(TestApp app, int caseId, byte[] content, string name = "证据.pdf")
    {
        await using var stream = new MemoryStream(content);
        return await app.Get<CaseFileService>().UploadAsync(caseId, CaseFileItem.Evidence, name, stream);
    }
}
