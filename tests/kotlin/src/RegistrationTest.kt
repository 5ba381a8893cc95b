// A returning worker's registration through the bindings: a valid form is stored with exactly one change queued
// for the server; an invalid one is refused field by field with stable codes and changes nothing; the form's
// state shows errors only on the fields the person has touched.
package vn.gov.langson.vieclam.core.test

import java.io.File
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Test
import vn.gov.langson.vieclam.core.FieldKind
import vn.gov.langson.vieclam.core.Language
import vn.gov.langson.vieclam.core.RegistrationForm
import vn.gov.langson.vieclam.core.VieclamException
import vn.gov.langson.vieclam.core.registrationForProgramme
import vn.gov.langson.vieclam.core.registrationSetField
import vn.gov.langson.vieclam.core.registrationToggle

class RegistrationTest {
    private lateinit var dir: File
    private val today = "2026-03-01"

    /** A man born in 1990 in Lạng Sơn, back from Korea, as the screen holds his form. */
    private val valid = RegistrationForm(
        fullName = "  Hoàng   Văn Minh ",
        idNumber = "020 090 001 234",
        birthDate = "15/04/1990",
        sex = "Nam",
        phone = "0912 345 678",
        communeCode = "06040",
        address = "Thôn Nà Pàn",
        countryAbroad = "Hàn Quốc",
        yearsAbroad = "3",
        occupation = "Công nhân nhà máy",
        skills = listOf("Hàn điện", "Lái xe nâng"),
        languages = listOf("Tiếng Hàn"),
        certificates = emptyList(),
        wants = listOf("work_abroad", "domestic_job"),
        consent = true,
    )

    @Before
    fun makeDir() {
        dir = tempDir("vieclam-registration-test")
    }

    @After
    fun removeDir() {
        dir.deleteRecursively()
    }

    @Test
    fun aValidRegistrationIsStoredWithExactlyOnePendingChange() {
        openStore(dir).use { store ->
            val before = store.pendingChanges()
            val id = store.submitRegistration(valid, today)
            assertTrue("id $id", Regex("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}").matches(id))
            assertEquals(before + 1uL, store.pendingChanges())

            val again = assertThrows(VieclamException.Invalid::class.java) { store.submitRegistration(valid, today) }
            assertEquals(listOf("id_number.duplicate"), again.fields.map { it.code })
            assertEquals(before + 1uL, store.pendingChanges())
        }
    }

    @Test
    fun anInvalidRegistrationNamesEveryBadFieldAndChangesNothing() {
        openStore(dir).use { store ->
            val before = store.pendingChanges()
            val bad = valid.copy(idNumber = "12345", phone = "0112345678")
            val e = assertThrows(VieclamException.Invalid::class.java) { store.submitRegistration(bad, today) }
            assertEquals(
                listOf("id_number" to "id_number.format", "phone" to "phone.prefix_unknown"),
                e.fields.map { it.field to it.code },
            )
            e.fields.forEach {
                assertTrue("Vietnamese message for ${it.code}", it.messageVi.isNotBlank() && it.messageVi != it.messageEn)
                assertTrue("English message for ${it.code}", it.messageEn.isNotBlank())
            }
            assertEquals(before, store.pendingChanges())
            // Nothing was stored: the valid form is not a duplicate of anything.
            store.submitRegistration(valid, today)
            assertEquals(before + 1uL, store.pendingChanges())
        }
    }

    @Test
    fun theFormShowsErrorsOnlyOnTouchedFields() {
        openStore(dir).use { store ->
            val bad = valid.copy(idNumber = "12345", phone = "0112345678")
            val state = store.registrationFormState(bad, listOf("phone"), today, Language.VI)
            assertFalse(state.canSubmit)
            val phone = state.fields.single { it.field == "phone" }
            assertEquals("Số điện thoại", phone.label)
            assertEquals("phone.prefix_unknown", phone.errorCode)
            assertEquals("0112345678", phone.value)
            assertNull("untouched fields show no error", state.fields.single { it.field == "id_number" }.errorCode)

            val ok = store.registrationFormState(valid, listOf("phone", "id_number"), today, Language.EN)
            assertTrue(ok.canSubmit)
            assertTrue(ok.fields.all { it.error == null })
            assertEquals("Hàn điện, Lái xe nâng", ok.fields.single { it.field == "skills" }.value)

            val e = assertThrows(VieclamException.Invalid::class.java) {
                store.registrationFormState(valid, emptyList(), "01/13/2026", Language.VI)
            }
            assertEquals("today", e.fields.single().field)
        }
    }

    @Test
    fun theCoreSplitsListsAndOffersEveryChoice() {
        openStore(dir).use { store ->
            // Typed key by key, a list keeps what was typed; the core splits it, not the app.
            var form = registrationForProgramme("overseas")
            assertEquals(listOf("work_abroad"), form.wants)
            for (typed in listOf("Hàn", "Hàn Quốc,", "Hàn Quốc, Nhật")) form = registrationSetField(form, "languages", typed)
            assertEquals(listOf("Hàn Quốc", " Nhật"), form.languages)
            form = registrationToggle(form, "wants", "training")
            form = registrationToggle(form, "commune_code", "06040")
            form = registrationToggle(form, "sex", "female")
            val state = store.registrationFormState(form, emptyList(), today, Language.VI)
            val wants = state.fields.single { it.field == "wants" }
            assertEquals(FieldKind.MULTI_CHOICE, wants.kind)
            assertEquals(listOf("Học nghề", "Đi làm việc ở nước ngoài"), wants.options.filter { it.selected }.map { it.label })
            val communes = state.fields.single { it.field == "commune_code" }
            assertEquals(65, communes.options.size)
            assertEquals(listOf("06040"), communes.options.filter { it.selected }.map { it.code })
            assertEquals("Nữ", state.fields.single { it.field == "sex" }.options.single { it.selected }.label)
            assertEquals("Hàn Quốc, Nhật", state.fields.single { it.field == "languages" }.value)
            assertEquals(FieldKind.LIST, state.fields.single { it.field == "languages" }.kind)
        }
    }
}
