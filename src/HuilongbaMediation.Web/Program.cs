using HuilongbaMediation.Web;
using HuilongbaMediation.Web.Cli;
using HuilongbaMediation.Web.Data;

// One entry point for the web app and its commands: `dotnet run -- create-admin <name>` runs a command
// against the same database and services, then exits; no arguments serve the app.
var command = CliCommand.Parse(args);
try
{
    var builder = WebApplication.CreateBuilder(command is null ? args : []);
    builder.AddHuilongbaServices();
    var app = builder.Build();
    if (command is { PreparesDatabase: false })
    {
        SettingsCheck.Validate(app.Services);
        return await command.RunAsync(app.Services);
    }

    // The serving app holds the data folder for its lifetime: a restore, or a second instance, is refused meanwhile.
    using var folderLock = command is null ? app.LockDataFolder() : null;
    await app.PrepareDatabaseAsync(seedDemo: command is null);
    if (command is not null)
    {
        return await command.RunAsync(app.Services);
    }

    app.UseHuilongbaPipeline();
    await app.RunAsync();
    return 0;
}
catch (StartupException ex)
{
    // One clear line for the operator, no stack trace.
    await Console.Error.WriteLineAsync($"启动失败：{ex.Message}");
    return 1;
}
catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    // Kestrel's own "Unable to start Kestrel" log line is filtered (Composition): this line says it instead.
    await Console.Error.WriteLineAsync($"启动失败：地址已被占用（{ex.Message}）。另一个程序或本系统的另一个实例正在使用这个端口：请先停止它，或用 --urls 指定其他端口。");
    return 1;
}

/// <summary>The program, for the test hosts that reference it.</summary>
public partial class Program;
