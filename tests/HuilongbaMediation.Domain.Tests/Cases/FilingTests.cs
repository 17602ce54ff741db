using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Tests.Common;
using static HuilongbaMediation.Domain.Tests.Cases.Scenario;

namespace HuilongbaMediation.Domain.Tests.Cases;

public sealed class FilingTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = ChinaClock.Today(Now);

    [Fact]
    public void Filing_creates_a_filed_case_with_its_first_history_entry()
    {
        var @case = Ok(MediationCase.File(Draft(Today), Actors.VillageMediator, Now, Today));

        Assert.Equal(CaseStatus.Filed, @case.Status);
        Assert.Equal((Actors.Village, Today, Actors.VillageMediator.UserId), (@case.VillageId, @case.FiledOn, @case.FiledById));
        Assert.Equal(["张三", "李四"], @case.Parties.Select(p => p.Name));
        Assert.Empty(@case.Mediators);
        Assert.Equal("", @case.Number);
        var entry = Assert.Single(@case.History);
        Assert.Equal(((CaseStatus?)null, CaseStatus.Filed, "File"), (entry.FromStatus, entry.ToStatus, entry.Action));
        Assert.Equal((Actors.VillageMediator.UserId, Actors.VillageMediator.DisplayName, Now), (entry.ActorId, entry.ActorName, entry.AtUtc));
        Assert.Equal("登记纠纷；申请人：张三；被申请人：李四", entry.Details);
    }

    [Fact]
    public void The_history_keeps_the_filing_with_personal_data_masked()
    {
        var @case = Ok(MediationCase.File(Draft(Today), Actors.VillageHead, Now, Today));

        var data = @case.History[0].Data;

        Assert.DoesNotContain(ApplicantIdNumber, data, StringComparison.Ordinal);
        Assert.DoesNotContain(ApplicantPhone, data, StringComparison.Ordinal);
        Assert.Contains(Masking.IdNumber(ApplicantIdNumber), data, StringComparison.Ordinal);
        Assert.Contains("\"Name\":\"张三\"", data, StringComparison.Ordinal);
        Assert.Contains("\"RiskLevel\":\"Low\"", data, StringComparison.Ordinal);
    }

    [Fact]
    public void Filing_trims_text_and_upper_cases_the_check_letter()
    {
        var lowerX = TestIdNumbers.EndingIn('X', "110105", new DateOnly(1949, 12, 31)).First().ToLowerInvariant();
        var draft = Draft(Today) with
        {
            Summary = "  " + Draft(Today).Summary + "  ",
            Parties = [.. Draft(Today).Parties.Select((p, i) => i == 0 ? p with { Name = " 张三 ", IdNumber = lowerX, CurrentAddress = "  " } : p)],
        };

        var @case = Ok(MediationCase.File(draft, Actors.VillageHead, Now, Today));

        Assert.Equal(Draft(Today).Summary, @case.Summary);
        Assert.Equal(("张三", lowerX.ToUpperInvariant(), (string?)null), (@case.Parties[0].Name, @case.Parties[0].IdNumber, @case.Parties[0].CurrentAddress));
    }

    [Fact]
    public void Filing_strips_bidi_controls_from_names_summary_and_addresses()
    {
        var draft = Draft(Today) with
        {
            Summary = "\u202E" + Draft(Today).Summary + "\u2066",
            Parties = [.. Draft(Today).Parties.Select((p, i) => i == 0 ? p with { Name = "张\u202E三", CurrentAddress = "回龙坝村\u202D3组" } : p)],
        };

        var @case = Ok(MediationCase.File(draft, Actors.VillageHead, Now, Today));

        Assert.Equal(Draft(Today).Summary, @case.Summary);
        Assert.Equal(("张三", "回龙坝村3组"), (@case.Parties[0].Name, @case.Parties[0].CurrentAddress));
        Assert.DoesNotContain(@case.History[0].Details, Text.IsBidiControl);
        Assert.DoesNotContain(@case.History[0].Data, Text.IsBidiControl);
    }

    [Theory]
    [InlineData(Persona.VillageMediator, Actors.Village, true)]
    [InlineData(Persona.VillageMediator, Actors.OtherVillage, false)]
    [InlineData(Persona.VillageHead, Actors.Village, true)]
    [InlineData(Persona.VillageHead, Actors.OtherVillage, false)]
    [InlineData(Persona.JudicialOffice, Actors.OtherVillage, true)]
    [InlineData(Persona.Admin, Actors.Village, false)]
    public void Who_may_file_for_which_village(Persona persona, int villageId, bool allowed)
    {
        var actor = Actors.For(persona);

        var result = MediationCase.File(Draft(Today) with { VillageId = villageId }, actor, Now, Today);

        Assert.Equal(allowed, CaseAccess.CanFile(actor, villageId));
        Assert.Equal(allowed ? WorkflowResultKind.Ok : WorkflowResultKind.Forbidden, result.Kind);
    }

    [Fact]
    public void Filing_an_invalid_draft_returns_every_error_and_no_case()
    {
        var draft = Draft(Today) with { Summary = "太短", FiledOn = Today.AddDays(1), PeopleInvolved = 1 };

        var result = MediationCase.File(draft, Actors.VillageHead, Now, Today);

        Assert.Equal(WorkflowResultKind.Invalid, result.Kind);
        Assert.Equal(["Summary", "PeopleInvolved", "FiledOn"], result.Errors.Select(e => e.Field));
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void A_case_is_numbered_once_in_the_year_it_was_filed()
    {
        var @case = Ok(MediationCase.File(Draft(Today), Actors.VillageHead, Now, Today));

        Assert.Throws<ArgumentException>(() => @case.AssignNumber(2025, 1));
        @case.AssignNumber(2026, 7);

        Assert.Equal(("（2026）回龙坝人调字第0007号", 2026, 7), (@case.Number, @case.Year, @case.Sequence));
        Assert.Throws<InvalidOperationException>(() => @case.AssignNumber(2026, 8));
    }

    [Theory]
    [InlineData(Persona.Lead, true)]
    [InlineData(Persona.Assistant, true)]
    [InlineData(Persona.VillageMediator, true)]
    [InlineData(Persona.OtherVillageMediator, false)]
    [InlineData(Persona.VillageHead, true)]
    [InlineData(Persona.OtherVillageHead, false)]
    [InlineData(Persona.JudicialOffice, true)]
    [InlineData(Persona.Admin, true)]
    public void Who_may_read_a_case(Persona persona, bool canRead)
    {
        var @case = new Scenario().In(CaseStatus.Filed);

        Assert.Equal(canRead, CaseAccess.CanRead(@case, Actors.For(persona)));
    }

    [Fact]
    public void A_mediator_of_another_village_reads_a_case_once_assigned_to_it()
    {
        var scenario = new Scenario();
        var @case = scenario.FileCase();
        Assert.False(CaseAccess.CanRead(@case, Actors.OtherVillageMediator));

        Ok(@case.AssignMediators(Actors.JudicialOffice, scenario.Tick(), new MediatorAssignment(new MediatorRef(Actors.OtherVillageMediator.UserId, "赵调解"), [])));

        Assert.True(CaseAccess.CanRead(@case, Actors.OtherVillageMediator));
        Assert.Contains(CaseTrigger.Accept, @case.PermittedTriggers(Actors.OtherVillageMediator));
    }
}
