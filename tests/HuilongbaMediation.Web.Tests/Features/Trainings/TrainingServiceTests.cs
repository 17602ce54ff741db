using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Features.Admin;
using HuilongbaMediation.Web.Features.Trainings;
using HuilongbaMediation.Web.Tests.Infrastructure;

namespace HuilongbaMediation.Web.Tests.Features.Trainings;

/// <summary>调解员培训: the judicial office records them; the roster and the users page show each mediator's trainings this year.</summary>
public sealed class TrainingServiceTests : IAsyncLifetime
{
    private TestApp _app = default!;

    private TrainingService Trainings => _app.Get<TrainingService>();

    private DateOnly Today => ChinaClock.Today(DateTime.UtcNow);

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(demo: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_training_shows_on_the_roster_of_each_mediator_who_attended()
    {
        await _app.SignInAsUserAsync("wangfang");
        var zhangmin = await _app.UserIdAsync("zhangmin");
        var denghui = await _app.UserIdAsync("denghui");

        var (id, errors, refusal) = await Trainings.RecordAsync(Today, "人民调解法与调解协议书制作", "陈家桥人民法庭 刘法官", [zhangmin, denghui]);

        Assert.NotNull(id);
        Assert.Empty(errors);
        Assert.Null(refusal);
        var year = (await Trainings.YearAsync(Today.Year))!;
        var training = Assert.Single(year.Trainings);
        Assert.Equal(["张敏", "邓辉"], training.Attendees.Order());
        Assert.Single(year.Roster.Single(m => m.UserId == zhangmin).Trainings);
        Assert.Empty(year.Roster.Single(m => m.Name == "罗平").Trainings);
        Assert.Empty((await Trainings.YearAsync(Today.Year - 1))!.Roster.SelectMany(m => m.Trainings));

        await _app.SignInAsUserAsync("admin");
        var users = await _app.Get<UserAdminService>().ListAsync();
        Assert.Equal(1, users.Single(u => u.UserName == "zhangmin").TrainingsThisYear);
        Assert.True(users.Single(u => u.UserName == "zhangmin").FullTime);
        Assert.Equal(0, users.Single(u => u.UserName == "luoping").TrainingsThisYear);
    }

    [Fact]
    public async Task Each_bad_field_gets_its_message()
    {
        await _app.SignInAsUserAsync("wangfang");
        var head = await _app.UserIdAsync("liqiang");

        var (_, notAMediator, _) = await Trainings.RecordAsync(Today, "调解技巧", "王芳", [head]);
        var (id, errors, _) = await Trainings.RecordAsync(Today.AddDays(1), " ", "王芳", []);

        Assert.Equal([new FieldError("Attendees", "参训人员须为在用的调解员")], notAMediator);
        Assert.Null(id);
        Assert.Equal(["HeldOn", "Topic", "Attendees"], errors.Select(e => e.Field));
        Assert.Empty((await Trainings.YearAsync(Today.Year))!.Trainings);
    }

    [Fact]
    public async Task Only_the_judicial_office_records_trainings()
    {
        await _app.SignInAsUserAsync("liqiang");
        var zhangmin = await _app.UserIdAsync("zhangmin");

        var (id, _, refusal) = await Trainings.RecordAsync(Today, "调解技巧", "王芳", [zhangmin]);

        Assert.Null(id);
        Assert.NotNull(refusal);
        Assert.Null(await Trainings.YearAsync(Today.Year));
    }
}
