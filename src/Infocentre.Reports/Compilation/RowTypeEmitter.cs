using System.ComponentModel.DataAnnotations.Schema;
using System.Reflection;
using System.Reflection.Emit;

namespace Infocentre.Reports.Compilation;

/// <summary>
/// Emits one plain CLR class per report (public, default constructor, get/set properties) so that EF Core
/// translates the report as a clean GROUP BY with named columns and the OData model builder can publish it as
/// a typed entity type.
/// </summary>
internal sealed class RowTypeEmitter
{
    private readonly ModuleBuilder _module = AssemblyBuilder
        .DefineDynamicAssembly(new AssemblyName("Infocentre.Reports.Rows"), AssemblyBuilderAccess.Run)
        .DefineDynamicModule("Infocentre.Reports.Rows");

    private static readonly ConstructorInfo ColumnAttributeCtor = typeof(ColumnAttribute).GetConstructor(Type.EmptyTypes)!;
    private static readonly PropertyInfo ColumnOrder = typeof(ColumnAttribute).GetProperty(nameof(ColumnAttribute.Order))!;

    /// <param name="name">Type name, also the OData entity type name.</param>
    /// <param name="properties">Properties in order; the first <paramref name="keyCount"/> carry a column order for the key.</param>
    public Type Emit(string name, IReadOnlyList<(string Name, Type Type)> properties, int keyCount = 0)
    {
        var type = _module.DefineType("Infocentre.Reports.Rows." + name, TypeAttributes.Public | TypeAttributes.Class | TypeAttributes.Sealed);
        type.DefineDefaultConstructor(MethodAttributes.Public);
        for (var i = 0; i < properties.Count; i++)
        {
            var property = DefineProperty(type, properties[i].Name, properties[i].Type);
            if (i < keyCount)
            {
                // The OData model builder orders composite keys alphabetically unless told otherwise.
                property.SetCustomAttribute(new CustomAttributeBuilder(ColumnAttributeCtor, [], [ColumnOrder], [i]));
            }
        }

        return type.CreateType();
    }

    private static PropertyBuilder DefineProperty(TypeBuilder type, string name, Type propertyType)
    {
        var field = type.DefineField("_" + name, propertyType, FieldAttributes.Private);
        var property = type.DefineProperty(name, PropertyAttributes.None, propertyType, null);
        const MethodAttributes accessor = MethodAttributes.Public | MethodAttributes.SpecialName | MethodAttributes.HideBySig;

        var getter = type.DefineMethod("get_" + name, accessor, propertyType, Type.EmptyTypes);
        var il = getter.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, field);
        il.Emit(OpCodes.Ret);

        var setter = type.DefineMethod("set_" + name, accessor, null, [propertyType]);
        il = setter.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Stfld, field);
        il.Emit(OpCodes.Ret);

        property.SetGetMethod(getter);
        property.SetSetMethod(setter);
        return property;
    }
}
