namespace HuilongbaMediation.Domain.Common;

/// <summary>Collects <see cref="FieldError"/>s so that a validator reports every problem at once.</summary>
internal sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

    public void AddIf(bool condition, string field, string message)
    {
        if (condition)
        {
            Add(field, message);
        }
    }

    /// <summary>A free-text field: "请填写{label}" when required and blank (invisible characters only count as blank), "{label}不能超过 {max} 字" when too long.</summary>
    public void Text(string field, string? value, string label, int max, bool required = true)
    {
        if (Common.Text.IsBlank(value))
        {
            AddIf(required, field, $"请填写{label}");
        }
        else if (Common.Text.Required(value).Length > max)
        {
            Add(field, $"{label}不能超过 {max} 字");
        }
    }

    /// <summary>A choice from a list: an enum value that the type defines.</summary>
    public void Defined<TEnum>(string field, TEnum value, string label)
        where TEnum : struct, Enum => AddIf(!Enum.IsDefined(value), field, $"请选择{label}");

    /// <summary>A reference-data id: positive (whether the row exists and is active is the web layer's check).</summary>
    public void Reference(string field, int id, string label) => AddIf(id <= 0, field, $"请选择{label}");
}
