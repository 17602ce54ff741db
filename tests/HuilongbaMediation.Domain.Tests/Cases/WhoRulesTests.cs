using HuilongbaMediation.Domain.Cases;
using static HuilongbaMediation.Domain.Tests.Cases.Scenario;

namespace HuilongbaMediation.Domain.Tests.Cases;

/// <summary>Every trigger and recorded action × every kind of user, in a state where the table allows it.</summary>
public sealed class WhoRulesTests
{
    public static TheoryData<CaseTrigger, Persona> EveryTriggerAndPersona()
    {
        var data = new TheoryData<CaseTrigger, Persona>();
        foreach (var trigger in Enum.GetValues<CaseTrigger>())
        {
            foreach (var persona in Enum.GetValues<Persona>())
            {
                data.Add(trigger, persona);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTriggerAndPersona))]
    public void Only_the_tables_who_may_fire_a_trigger(CaseTrigger trigger, Persona persona)
    {
        var scenario = new Scenario();
        var (from, _) = Workflow.Table.Keys.First(key => key.Trigger == trigger);
        var @case = scenario.In(from);
        var actor = Actors.For(persona);
        var before = Snapshot(@case);
        var allowed = Workflow.Who[trigger].Contains(persona);

        Assert.Equal(allowed, @case.PermittedTriggers(actor).Contains(trigger));
        var result = scenario.Fire(@case, trigger, actor);

        if (allowed)
        {
            Ok(result);
            Assert.Equal(Workflow.Table[(from, trigger)], @case.Status);
            Assert.Equal(actor.UserId, @case.History[^1].ActorId);
        }
        else
        {
            Assert.Equal(WorkflowResultKind.Forbidden, result.Kind);
            Assert.StartsWith($"「{trigger.ToLabel()}」限", result.Message, StringComparison.Ordinal);
            Assert.Equal(@case.PermittedTriggers(actor), result.PermittedTriggers);
            Assert.Equal(before, Snapshot(@case));
        }
    }

    public static TheoryData<CaseAction, Persona> EveryRecordedActionAndPersona()
    {
        var data = new TheoryData<CaseAction, Persona>();
        foreach (var action in Enum.GetValues<CaseAction>().Where(a => a != CaseAction.File))
        {
            foreach (var persona in Enum.GetValues<Persona>())
            {
                data.Add(action, persona);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRecordedActionAndPersona))]
    public void Only_the_specs_who_may_take_a_recorded_action(CaseAction action, Persona persona)
    {
        Persona[] who = action switch
        {
            CaseAction.AssignMediators => [Persona.VillageHead, Persona.JudicialOffice],
            CaseAction.ExtendDeadline => [Persona.JudicialOffice],
            _ => [Persona.Lead, Persona.Assistant, Persona.JudicialOffice],
        };
        var scenario = new Scenario();
        var @case = scenario.In(Workflow.LeafStates.First(status => Workflow.Allows(action, status) && status != CaseStatus.Filed));
        var actor = Actors.For(persona);
        var before = Snapshot(@case);
        var allowed = who.Contains(persona);

        Assert.Equal(allowed, @case.PermittedActions(actor).Contains(action));
        var result = scenario.Record(@case, action, actor);

        if (allowed)
        {
            Ok(result);
            Assert.Equal(action.ToString(), @case.History[^1].Action);
            Assert.Equal(actor.UserId, @case.History[^1].ActorId);
        }
        else
        {
            Assert.Equal(WorkflowResultKind.Forbidden, result.Kind);
            Assert.Equal(before, Snapshot(@case));
        }
    }

    [Theory]
    [InlineData(Persona.VillageHead)]
    [InlineData(Persona.JudicialOffice)]
    public void Accept_by_the_village_head_or_the_judicial_office_needs_no_assignment_to_them(Persona persona)
    {
        var scenario = new Scenario();
        var @case = scenario.In(CaseStatus.Filed);

        Ok(scenario.Fire(@case, CaseTrigger.Accept, Actors.For(persona)));
    }

    [Fact]
    public void An_assistant_may_not_accept_or_decline()
    {
        var scenario = new Scenario();
        var @case = scenario.In(CaseStatus.Filed);

        Assert.Equal(WorkflowResultKind.Forbidden, scenario.Fire(@case, CaseTrigger.Accept, Actors.Assistant).Kind);
        Assert.Equal(WorkflowResultKind.Forbidden, scenario.Fire(@case, CaseTrigger.Decline, Actors.Assistant).Kind);
        Assert.Equal([CaseTrigger.Terminate], @case.PermittedTriggers(Actors.Assistant));
    }

    [Fact]
    public void A_village_head_trying_approve_referral_is_forbidden()
    {
        var scenario = new Scenario();
        var @case = scenario.In(CaseStatus.ReferralPending);

        var result = scenario.Fire(@case, CaseTrigger.ApproveReferral, Actors.VillageHead);

        Assert.Equal(WorkflowResultKind.Forbidden, result.Kind);
        Assert.Equal("「审核通过」限司法所", result.Message);
        Assert.Empty(result.PermittedTriggers);
        Assert.Equal(CaseStatus.ReferralPending, @case.Status);
    }

    [Fact]
    public void Forbidden_comes_before_the_state_check()
    {
        var scenario = new Scenario();
        var @case = scenario.In(CaseStatus.Declined);

        Assert.Equal(WorkflowResultKind.Forbidden, scenario.Fire(@case, CaseTrigger.Accept, Actors.Admin).Kind);
        Assert.Equal(WorkflowResultKind.NotAllowedInState, scenario.Fire(@case, CaseTrigger.Accept, Actors.VillageHead).Kind);
    }

    [Theory]
    [InlineData(CaseStatus.Filed)]
    [InlineData(CaseStatus.Mediating)]
    [InlineData(CaseStatus.Resolved)]
    [InlineData(CaseStatus.ReferralPending)]
    public void Admin_fires_nothing_and_takes_no_recorded_action(CaseStatus status)
    {
        var @case = new Scenario().In(status);

        Assert.Empty(@case.PermittedTriggers(Actors.Admin));
        Assert.Empty(@case.PermittedActions(Actors.Admin));
    }

    [Fact]
    public void A_mediator_of_the_village_may_take_an_unassigned_filed_case_as_its_lead()
    {
        var scenario = new Scenario();
        var @case = scenario.FileCase();
        Assert.Contains(CaseAction.AssignMediators, @case.PermittedActions(Actors.VillageMediator));

        Ok(@case.AssignMediators(Actors.VillageMediator, scenario.Tick(), SelfAsLead(Actors.VillageMediator.UserId)));

        Assert.Equal(Actors.VillageMediator.UserId, @case.LeadMediator?.UserId);
        Assert.Equal([CaseTrigger.Accept, CaseTrigger.Decline, CaseTrigger.Terminate], @case.PermittedTriggers(Actors.VillageMediator));
    }

    [Fact]
    public void A_mediator_may_not_assign_someone_else_or_add_assistants()
    {
        var scenario = new Scenario();
        var @case = scenario.FileCase();
        var before = Snapshot(@case);

        var someoneElse = @case.AssignMediators(Actors.VillageMediator, scenario.Tick(), SelfAsLead(Actors.Lead.UserId));
        var withAssistant = @case.AssignMediators(
            Actors.VillageMediator,
            scenario.Tick(),
            new MediatorAssignment(new MediatorRef(Actors.VillageMediator.UserId, "张调解"), [new MediatorRef(Actors.Assistant.UserId, "李协办")]));

        Assert.Equal(WorkflowResultKind.Forbidden, someoneElse.Kind);
        Assert.Equal(WorkflowResultKind.Forbidden, withAssistant.Kind);
        Assert.Equal(before, Snapshot(@case));
    }

    [Fact]
    public void A_mediator_may_not_take_a_case_that_already_has_mediators_or_one_of_another_village()
    {
        var scenario = new Scenario();
        var assigned = scenario.In(CaseStatus.Filed);
        var unassigned = scenario.FileCase();

        Assert.Equal(WorkflowResultKind.Forbidden, assigned.AssignMediators(Actors.VillageMediator, scenario.Tick(), SelfAsLead(Actors.VillageMediator.UserId)).Kind);
        Assert.Equal(WorkflowResultKind.Forbidden, unassigned.AssignMediators(Actors.OtherVillageMediator, scenario.Tick(), SelfAsLead(Actors.OtherVillageMediator.UserId)).Kind);
        Assert.DoesNotContain(CaseAction.AssignMediators, assigned.PermittedActions(Actors.VillageMediator));
    }

    [Fact]
    public void A_village_head_of_another_village_may_not_assign_mediators()
    {
        var scenario = new Scenario();
        var @case = scenario.FileCase();

        Assert.Equal(WorkflowResultKind.Forbidden, scenario.Record(@case, CaseAction.AssignMediators, Actors.OtherVillageHead).Kind);
        Assert.Empty(@case.Mediators);
    }

    [Fact]
    public void Reassigning_the_lead_hands_the_who_rules_to_the_new_lead()
    {
        var scenario = new Scenario();
        var @case = scenario.In(CaseStatus.Filed);

        Ok(@case.AssignMediators(Actors.JudicialOffice, scenario.Tick(), SelfAsLead(Actors.VillageMediator.UserId)));

        Assert.Empty(@case.PermittedTriggers(Actors.Lead));
        Assert.Contains(CaseTrigger.Accept, @case.PermittedTriggers(Actors.VillageMediator));
        Assert.Equal("主办调解员：张调解", @case.History[^1].Details);
    }

    private static MediatorAssignment SelfAsLead(string userId) => new(new MediatorRef(userId, "张调解"), []);
}
