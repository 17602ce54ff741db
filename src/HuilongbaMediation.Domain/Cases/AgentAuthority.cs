namespace HuilongbaMediation.Domain.Cases;

/// <summary>代理权限: what a party's agent (委托代理人) may do in the mediation, as the 授权委托书 states it.</summary>
public enum AgentAuthority
{
    /// <summary>一般授权: the agent takes part in the mediation and speaks for the party, but may not agree on the party's behalf.</summary>
    General,

    /// <summary>特别授权: the agent may also agree, change or give up claims and sign the agreement; the matters are named.</summary>
    Special,
}
