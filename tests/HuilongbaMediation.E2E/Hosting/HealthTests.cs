using System.Net;
using HuilongbaMediation.E2E.Infrastructure;

namespace HuilongbaMediation.E2E.Hosting;

[Collection(AppCollection.Name)]
public sealed class HealthTests(AppHost app)
{
    [AppFact]
    public async Task Health_endpoint_answers_200_without_signing_in()
    {
        using var client = app.CreateHttpClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
