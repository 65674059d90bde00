package dev.beacon.problem;

import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * A request body read as text, within a limit: never more than one byte past it is read (413), its charset is the one
 * the {@code Content-Type} names (415 for one the JVM does not know), and bytes that are not valid in it are a 400,
 * never replaced silently.
 */
public final class RequestBody {

    private RequestBody() {
    }

    /**
     * @param setting the setting that holds the limit, named in the 413's detail
     */
    public static String text(MediaType type, InputStream body, int maxBytes, String setting) throws IOException {
        Charset charset = charsetOf(type);
        return text(charset, body.readNBytes(maxBytes + 1), maxBytes, setting);
    }

    /**
     * The same for a body a transport has already read (at most one byte past the limit, so that a larger one is
     * told apart).
     */
    public static String text(MediaType type, byte[] body, int maxBytes, String setting) {
        return text(charsetOf(type), body, maxBytes, setting);
    }

    private static String text(Charset charset, byte[] bytes, int maxBytes, String setting) {
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes, setting);
        }
        return decode(bytes, charset);
    }

    public static ProblemException tooLarge(int maxBytes, String setting) {
        return new ProblemException(413, "The body is larger than " + maxBytes + " bytes (" + setting + ")");
    }

    private static Charset charsetOf(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ProblemException(415, "Unsupported charset '" + name + "'");
        }
    }

    private static String decode(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("The body is not valid " + charset.name());
        }
    }
}
