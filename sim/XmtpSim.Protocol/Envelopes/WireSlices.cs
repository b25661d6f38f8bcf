using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace XmtpSim.Protocol.Envelopes;

/// <summary>
/// Makes a decoded message share memory with the bytes it was decoded from. Google.Protobuf copies every
/// bytes field while parsing, so an originator envelope decoded through its four layers would hold the
/// payload five times (outer bytes, unsigned bytes, payer bytes, client bytes, payload). A node keeps
/// millions of envelopes; decoded with <see cref="Parse"/>, each singular bytes field (and each singular
/// sub-message's) points into the source instead, so an envelope costs one copy of its bytes.
/// </summary>
public static class WireSlices
{
    /// <summary>
    /// Decodes <paramref name="source"/> like <c>parser.ParseFrom</c>, but singular bytes fields (also in
    /// singular sub-messages) are slices of <paramref name="source"/> instead of copies, so decoding a large
    /// layered envelope neither copies its payload nor allocates it again. Other fields (scalars, repeated,
    /// maps, unknown) are merged with the generated code, field by field, so the result equals the
    /// standard parse. Malformed input throws <see cref="InvalidProtocolBufferException"/>.
    /// </summary>
    public static T Parse<T>(MessageParser<T> parser, ByteString source)
        where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(source);
        var message = parser.ParseFrom(ReadOnlySpan<byte>.Empty); // a span parse: no CodedInputStream to allocate
        if (!TryFill(message, source.Memory))
        {
            return parser.ParseFrom(source); // a shape we do not slice (e.g. groups): the standard, copying parse
        }

        return message;
    }

    private static bool TryFill(IMessage message, ReadOnlyMemory<byte> source)
    {
        var shape = Shape.Of(message);
        var span = source.Span;
        var pos = 0;
        var seenLow = 0UL; // singular fields already sliced: numbers below 64 as bits, any others in the list
        List<int>? seen = null;
        while (pos < span.Length)
        {
            var fieldStart = pos;
            if (!TryReadField(span, ref pos, out var number, out var start, out var length))
            {
                // Truncated, a group, or an invalid wire type: the standard parse decides (and throws on
                // malformed input with protobuf's own message).
                return false;
            }

            var field = length >= 0 ? shape.Sliced(number) : null;
            if (field is not null && FirstTime(number, ref seenLow, ref seen))
            {
                var slice = source.Slice(start, length);
                if (field.Parser is null)
                {
                    field.Set(message, UnsafeByteOperations.UnsafeWrap(slice));
                }
                else
                {
                    var sub = field.Parser.ParseFrom(ReadOnlySpan<byte>.Empty);
                    if (!TryFill(sub, slice))
                    {
                        return false;
                    }

                    field.Set(message, sub);
                }

                continue;
            }

            // Everything else (and a repeated occurrence of a singular field, which protobuf merges) goes
            // through the generated code with exactly this field's bytes.
            message.MergeFrom(span[fieldStart..pos]);
        }

        return true;
    }

    /// <summary>True the first time <paramref name="number"/> is marked in this message.</summary>
    private static bool FirstTime(int number, ref ulong low, ref List<int>? others)
    {
        if (number < 64)
        {
            var bit = 1UL << number;
            var first = (low & bit) == 0;
            low |= bit;
            return first;
        }

        others ??= [];
        if (others.Contains(number))
        {
            return false;
        }

        others.Add(number);
        return true;
    }

    /// <summary>Reads one field's header; <paramref name="length"/> is -1 for fields that are not length-delimited.</summary>
    private static bool TryReadField(ReadOnlySpan<byte> span, ref int pos, out int number, out int start, out int length)
    {
        number = 0;
        start = 0;
        length = -1;
        if (!TryReadVarint(span, ref pos, out var tag))
        {
            return false;
        }

        number = (int)(tag >> 3);
        switch ((int)(tag & 7))
        {
            case 0:
                return TryReadVarint(span, ref pos, out _);
            case 1:
                pos += 8;
                return pos <= span.Length;
            case 5:
                pos += 4;
                return pos <= span.Length;
            case 2:
                if (!TryReadVarint(span, ref pos, out var size) || size > (ulong)(span.Length - pos))
                {
                    return false;
                }

                start = pos;
                length = (int)size;
                pos += length;
                return true;
            default:
                return false; // groups: not used by any XMTP message
        }
    }

    private static bool TryReadVarint(ReadOnlySpan<byte> span, ref int pos, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && pos < span.Length; shift += 7)
        {
            var b = span[pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The fields of one message type that are decoded as slices: its singular bytes and sub-message fields, by
    /// number, each with a compiled setter. Google.Protobuf's own accessors set a field through
    /// <see cref="MethodBase.Invoke(object, object[])"/> when the runtime generates no code (as the CLI's
    /// configuration asks), which cost a reflection call per field of every envelope decoded; a delegate bound
    /// to the generated property's setter needs no generated code. Built once per type, shared by all threads.
    /// </summary>
    private sealed class Shape
    {
        private static readonly ConcurrentDictionary<Type, Shape> Shapes = new();
        private static readonly MethodInfo TypedSetterMethod =
            typeof(Shape).GetMethod(nameof(TypedSetter), BindingFlags.NonPublic | BindingFlags.Static)!;

        // Fields numbered below 64 (every XMTP message's field is); a field numbered higher is not sliced but merged
        // through the generated code like every other field, which decodes it the same, as a copy.
        private readonly SlicedField?[] _byNumber = new SlicedField?[64];

        private Shape(MessageDescriptor descriptor)
        {
            foreach (var field in descriptor.Fields.InFieldNumberOrder())
            {
                if (field.FieldNumber < _byNumber.Length && !field.IsRepeated && !field.IsMap &&
                    field.FieldType is FieldType.Bytes or FieldType.Message)
                {
                    _byNumber[field.FieldNumber] = new SlicedField(
                        SetterOf(descriptor.ClrType, field), field.FieldType == FieldType.Message ? field.MessageType.Parser : null);
                }
            }
        }

        public static Shape Of(IMessage message) =>
            Shapes.TryGetValue(message.GetType(), out var shape) ? shape : Add(message);

        // Apart from Of, whose lookup would otherwise allocate this lambda's closure on every call.
        private static Shape Add(IMessage message) => Shapes.GetOrAdd(message.GetType(), _ => new Shape(message.Descriptor));

        /// <summary>The sliced field numbered <paramref name="number"/>; null for any other field.</summary>
        public SlicedField? Sliced(int number) => (uint)number < (uint)_byNumber.Length ? _byNumber[number] : null;

        private static Action<IMessage, object> SetterOf(Type messageType, FieldDescriptor field)
        {
            var property = messageType.GetProperty(field.PropertyName, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{messageType.Name} has no property {field.PropertyName} for field {field.Name}.");
            return (Action<IMessage, object>)TypedSetterMethod
                .MakeGenericMethod(messageType, property.PropertyType)
                .Invoke(null, [property.SetMethod ?? throw new InvalidOperationException($"{messageType.Name}.{property.Name} has no setter.")])!;
        }

        private static Action<IMessage, object> TypedSetter<TMessage, TValue>(MethodInfo setter)
            where TMessage : class
        {
            var set = setter.CreateDelegate<Action<TMessage, TValue>>();
            return (message, value) => set((TMessage)message, (TValue)value);
        }
    }

    /// <summary>A sliced field: its setter, and for a sub-message the parser of its type (null for bytes).</summary>
    private sealed record SlicedField(Action<IMessage, object> Set, MessageParser? Parser);
}
