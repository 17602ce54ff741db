using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HuilongbaMediation.Web.Features.SecurityLog;

/// <summary>
/// The address of the browser behind this request or circuit, for the security log. A circuit has no request of its
/// own: its address is taken once, when it opens, from the request that carries it (after the forwarded headers).
/// </summary>
public sealed class ClientInfo(IHttpContextAccessor accessor)
{
    private string? _address;

    public string? Address => _address ??= SecurityActor.Address(accessor.HttpContext?.Connection.RemoteIpAddress);

    internal void Capture() => _ = Address;
}

/// <summary>Takes the circuit's address while the request that opens it is at hand.</summary>
internal sealed class ClientInfoCircuitHandler(ClientInfo client) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        client.Capture();
        return Task.CompletedTask;
    }
}
