package io.latchkey.audit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import io.latchkey.shared.SecurityEvent;
import org.junit.jupiter.api.Test;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event a feature publishes is a {@link SecurityEvent}, which the audit log
 * records: an event added without one fails here rather than going unrecorded. The
 * published types are read from the compiled code: the object built right before each
 * {@code ApplicationEventPublisher.publishEvent} call.
 */
class AuditCoverageTests {

	@Test
	void everyPublishedEventIsRecorded() throws IOException {
		Set<String> published = new TreeSet<>();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:io/latchkey/**/*.class")) {
			if (resource.getURL().toString().contains("test-classes")) {
				continue;
			}
			try (InputStream in = resource.getInputStream()) {
				new ClassReader(in).accept(new PublishedEvents(published), ClassReader.SKIP_DEBUG);
			}
		}

		assertThat(published).hasSizeGreaterThanOrEqualTo(20);
		assertThat(published).allSatisfy((name) -> assertThat(SecurityEvent.class.isAssignableFrom(Class.forName(name)))
			.as(name + " is recorded by the audit log")
			.isTrue());
	}

	/** Collects the type constructed last before each {@code publishEvent} call. */
	private static final class PublishedEvents extends ClassVisitor {

		private final Set<String> published;

		PublishedEvents(Set<String> published) {
			super(Opcodes.ASM9);
			this.published = published;
		}

		@Override
		public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
				String[] exceptions) {
			return new MethodVisitor(Opcodes.ASM9) {

				private String lastConstructed;

				@Override
				public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
						boolean isInterface) {
					if ("<init>".equals(method)) {
						this.lastConstructed = owner;
					}
					else if ("publishEvent".equals(method) && this.lastConstructed != null
							&& this.lastConstructed.startsWith("io/latchkey/")) {
						PublishedEvents.this.published.add(this.lastConstructed.replace('/', '.'));
					}
				}

			};
		}

	}

}
