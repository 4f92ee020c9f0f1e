using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using MessagePack;

namespace Portal.Load;

/// <summary>
/// Blazor's hub at /_blazor only speaks "blazorpack": SignalR's MessagePack protocol under another name.
/// Writing and completions go to <see cref="MessagePackHubProtocol"/>; invocations from the server are read
/// here, argument by argument as plain values (long, string, bool, byte[], arrays), because the server's
/// calls (JS.BeginInvokeJS, JS.RenderBatch, ...) gain arguments between framework versions and the stock
/// reader refuses any count but the one registered.
/// </summary>
public sealed class BlazorPackProtocol : IHubProtocol
{
    private readonly MessagePackHubProtocol inner = new();

    public string Name => "blazorpack";
    public int Version => inner.Version;
    public TransferFormat TransferFormat => TransferFormat.Binary;
    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);
    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);
    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        message = null;
        if (!TryReadLengthPrefix(input, out var length, out var prefixLength)) return false;
        if (input.Length < prefixLength + length) return false;
        var payload = input.Slice(prefixLength, length);
        var reader = new MessagePackReader(payload);
        reader.ReadArrayHeader();
        if (reader.ReadInt32() != HubProtocolConstants.InvocationMessageType)
            return inner.TryParseMessage(ref input, binder, out message);

        reader.Skip(); // headers
        var invocationId = reader.TryReadNil() ? null : reader.ReadString();
        var target = reader.ReadString()!;
        var count = reader.ReadArrayHeader();
        var arguments = new object?[count];
        for (var i = 0; i < count; i++) arguments[i] = ReadValue(ref reader);
        message = new InvocationMessage(invocationId, target, arguments);
        input = input.Slice(prefixLength + length);
        return true;
    }

    /// <summary>SignalR's binary framing: the message length as a little-endian base-128 varint of at most 5 bytes.</summary>
    private static bool TryReadLengthPrefix(ReadOnlySequence<byte> input, out long length, out int prefixLength)
    {
        length = 0;
        prefixLength = 0;
        var reader = new SequenceReader<byte>(input);
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (!reader.TryRead(out var b)) return false;
            prefixLength++;
            length |= (long)(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return true;
        }
        throw new InvalidDataException("Message length prefix longer than 5 bytes.");
    }

    private static object? ReadValue(ref MessagePackReader reader)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Nil: reader.ReadNil(); return null;
            case MessagePackType.Boolean: return reader.ReadBoolean();
            case MessagePackType.Integer: return reader.ReadInt64();
            case MessagePackType.Float: return reader.ReadDouble();
            case MessagePackType.String: return reader.ReadString();
            case MessagePackType.Binary: return reader.ReadBytes()?.ToArray();
            case MessagePackType.Array:
                var items = new object?[reader.ReadArrayHeader()];
                for (var i = 0; i < items.Length; i++) items[i] = ReadValue(ref reader);
                return items;
            default: reader.Skip(); return null;
        }
    }
}
