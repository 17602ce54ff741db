using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Tests.Cases;

/// <summary>The people the who-rules tell apart, relative to a case of <see cref="Actors.Village"/>.</summary>
public enum Persona
{
    /// <summary>The case's lead mediator.</summary>
    Lead,

    /// <summary>An assistant mediator of the case.</summary>
    Assistant,

    /// <summary>A mediator of the case's village who is not assigned to it.</summary>
    VillageMediator,

    OtherVillageMediator,
    VillageHead,
    OtherVillageHead,
    JudicialOffice,
    Admin,
}

internal static class Actors
{
    public const int Village = 1;
    public const int OtherVillage = 2;

    public static readonly Actor Lead = new("lead", "王主办", UserRole.Mediator, Village);
    public static readonly Actor Assistant = new("assistant", "李协办", UserRole.Mediator, Village);
    public static readonly Actor VillageMediator = new("village-mediator", "张调解", UserRole.Mediator, Village);
    public static readonly Actor OtherVillageMediator = new("other-mediator", "赵调解", UserRole.Mediator, OtherVillage);
    public static readonly Actor VillageHead = new("village-head", "刘主任", UserRole.VillageHead, Village);
    public static readonly Actor OtherVillageHead = new("other-head", "陈主任", UserRole.VillageHead, OtherVillage);
    public static readonly Actor JudicialOffice = new("office", "周所长", UserRole.JudicialOffice, null);
    public static readonly Actor Admin = new("admin", "管理员", UserRole.Admin, null);

    public static Actor For(Persona persona) => persona switch
    {
        Persona.Lead => Lead,
        Persona.Assistant => Assistant,
        Persona.VillageMediator => VillageMediator,
        Persona.OtherVillageMediator => OtherVillageMediator,
        Persona.VillageHead => VillageHead,
        Persona.OtherVillageHead => OtherVillageHead,
        Persona.JudicialOffice => JudicialOffice,
        Persona.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(persona), persona, null),
    };
}
