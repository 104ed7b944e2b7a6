using System.Reflection;
using System.Text;

namespace ClaimReconcile.Tests.Support;

/// <summary>Describes an assembly's public surface as sorted text, one type and its members per block.</summary>
internal static class PublicApi
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(TypeHeader(type)).Append('\n');
            var members = type.GetMembers(Declared)
                .Where(IsVisible)
                .Select(m => Member(type, m))
                .Where(m => m is not null)
                .Order(StringComparer.Ordinal);
            foreach (var member in members)
            {
                text.Append("    ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        ConstructorInfo c => c.IsPublic || c.IsFamily || c.IsFamilyOrAssembly,
        MethodBase m => (m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly) && !m.IsSpecialName,
        PropertyInfo p => p.GetMethod is { } g && (g.IsPublic || g.IsFamily),
        FieldInfo f => (f.IsPublic || f.IsFamily) && !f.IsSpecialName,
        EventInfo e => e.AddMethod is { IsPublic: true },
        _ => false,
    };

    private static string TypeHeader(Type type)
    {
        var kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? (IsRecord(type) ? "record struct" : "struct") : IsRecord(type) ? "record" : "class";
        var modifiers = type switch
        {
            { IsInterface: true } or { IsEnum: true } or { IsValueType: true } => "",
            { IsAbstract: true, IsSealed: true } => "static ",
            { IsAbstract: true } => "abstract ",
            { IsSealed: true } => "sealed ",
            _ => "",
        };
        var bases = new List<string>();
        if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
        {
            bases.Add(Name(b));
        }

        bases.AddRange(type.IsEnum ? [] : type.GetInterfaces().Where(i => i.IsPublic && !i.Name.StartsWith("IEquatable", StringComparison.Ordinal) || i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>) && !IsRecord(type)).Select(Name).Order(StringComparer.Ordinal));
        return $"public {modifiers}{kind} {type.FullName}{(bases.Count > 0 ? " : " + string.Join(", ", bases) : "")}";
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null || type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null;

    private static string? Member(Type type, MemberInfo member) => member switch
    {
        ConstructorInfo c => $"{Access(c)}{type.Name}({Parameters(c)})",
        MethodInfo m when IsRecord(type) && m.Name is "Equals" or "GetHashCode" or "ToString" or "Deconstruct" or "<Clone>$" or "PrintMembers" => null,
        MethodInfo m => $"{Access(m)}{(m.IsStatic ? "static " : m.IsAbstract && !type.IsInterface ? "abstract " : m.IsVirtual && !m.IsFinal && m.GetBaseDefinition() == m && !type.IsInterface ? "virtual " : m.GetBaseDefinition() != m ? "override " : "")}{Name(m.ReturnType)} {m.Name}{Generics(m)}({Parameters(m)})",
        PropertyInfo p when IsRecord(type) && p.Name == "EqualityContract" => null,
        PropertyInfo p => $"{Access(p.GetMethod!)}{(p.GetMethod!.IsStatic ? "static " : "")}{Name(p.PropertyType)} {(p.GetIndexParameters().Length > 0 ? $"this[{Parameters(p.GetIndexParameters())}]" : p.Name)} {{ get;{(p.SetMethod is { IsPublic: true } s ? IsInit(s) ? " init;" : " set;" : "")} }}",
        FieldInfo f when type.IsEnum => $"{f.Name} = {Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}",
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{(f.IsInitOnly ? "readonly " : "")}{Name(f.FieldType)} {f.Name}{(f.IsLiteral ? " = " + (f.GetRawConstantValue() is string text ? $"\"{text}\"" : Convert.ToString(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)) : "")}",
        EventInfo e => $"event {Name(e.EventHandlerType!)} {e.Name}",
        _ => null,
    };

    private static bool IsInit(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static string Access(MethodBase method) => method.IsFamily ? "protected " : method.IsFamilyOrAssembly ? "protected internal " : "";

    private static string Generics(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : "";

    private static string Parameters(MethodBase method) => Parameters(method.GetParameters());

    private static string Parameters(ParameterInfo[] parameters) => string.Join(", ", parameters.Select(p =>
        $"{(p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : "")}{(p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : "")}{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue is null ? "null" : p.DefaultValue is string s ? $"\"{s}\"" : p.DefaultValue is bool b ? (b ? "true" : "false") : Convert.ToString(p.DefaultValue, System.Globalization.CultureInfo.InvariantCulture)) : "")}"));

    private static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        var name = type.IsNested ? $"{Name(type.DeclaringType!)}.{type.Name}" : type.Namespace is "System" or null ? type.Name : $"{type.Namespace}.{type.Name}";
        if (!type.IsGenericType)
        {
            return name;
        }

        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return $"{(tick > 0 ? name[..tick] : name)}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>";
    }
}
