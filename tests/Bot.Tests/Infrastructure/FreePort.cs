using System.Net;
using System.Net.Sockets;

namespace Bot.Tests.Infrastructure;

/// <summary>Picks a loopback port nobody listens on right now.</summary>
/// <remarks>
/// The port is free only at the moment we ask; another process may take it before we bind,
/// so callers retry with a new port when binding fails.
/// </remarks>
public static class FreePort
{
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
