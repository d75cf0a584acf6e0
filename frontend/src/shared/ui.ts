/**
 * The few building blocks every screen uses, so both apps look and behave alike: one import for
 * the pages, the components themselves in `components/` by kind.
 */
export { Button, LogoutButton, UploadButton } from "./components/buttons";
export { ConfirmDialog, Dialog, useConfirmation, useTypedConfirmation } from "./components/dialogs";
export { Badge, Done, Empty, ErrorBox, Failed, Loaded, Loading, Spinner } from "./components/feedback";
export { ActionForm, Field, SelectInput, StatusSelect, TextArea, TextInput } from "./components/forms";
export { Card, PageHeader, Pager, Table, usePaging } from "./components/layout";
export { formatDate, formatMegabytes, formatNumber } from "./i18n";
